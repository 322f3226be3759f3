/**
 * What the terminal must show after a course command, as kubectl v1.32 prints it: used by the docs
 * tests (SandboxApi.run output) and the browser tests (the terminal). Lines not listed only have to
 * run without errors.
 */
const RULES: [RegExp, (m: RegExpMatchArray) => RegExp][] = [
  [/^kubectl apply -f (\S+)$/, () => / (created|configured|unchanged)$/m],
  [/^kubectl get pods/, () => /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE|^No resources found in default namespace\./m],
  [/^kubectl describe pods?\s*(\S*)/, (m) => new RegExp(`^Name:\\s+${m[1] || '\\S+'}`, 'm')],
  [/^kubectl delete pod (\S+)$/, (m) => new RegExp(`pod "${m[1]}" deleted`)],
  [/^kubectl delete deployment (\S+)$/, (m) => new RegExp(`deployment.apps "${m[1]}" deleted`)],
  [/^kubectl explain pods\.spec\.restartPolicy/, () => /FIELD:\s+restartPolicy/],
  [/^(more|cat) (\S+)$/, () => /^apiVersion: /m],
  [/^ps$/, () => /PID/],
  [/^kubectl exec -it (\S+) .*-- ps$/, () => /PID/],
  [/^kubectl get events --watch &$/, () => /^\[1\] \d+/m],
  [/^kubectl port-forward pod\/(\S+) (\d+):(\d+) &$/, () => /^\[\d+\] \d+/m],
  [/^curl http:\/\/localhost:\d+$/, () => /\S/],
  [/^tail \S+index\.html$/, () => /\d{4}/],
  [/^kubectl logs /, () => /\S/],
];

export function expectedOutput(line: string): RegExp | undefined {
  const trimmed = line.trim();
  for (const [re, make] of RULES) {
    const m = trimmed.match(re);
    if (m) return make(m);
  }
  return undefined;
}
