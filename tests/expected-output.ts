/**
 * What the terminal must show after a course command, as kubectl v1.32 and the images' programs print
 * it: used by the docs tests (SandboxApi.run output) and the browser tests (the terminal). A course
 * line without a rule must be listed in NOT_CHECKED with the reason its own output proves nothing;
 * the docs tests fail on a line that has neither.
 */
const RULES: [RegExp, (m: RegExpMatchArray) => RegExp][] = [
  [/^kubectl apply -f (\S+)$/, () => / (created|configured|unchanged)$/m],
  [/^kubectl get pods/, () => /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE|^No resources found in default namespace\./m],
  [/^kubectl describe pods?\s*(\S*)/, (m) => new RegExp(`^Name:\\s+${m[1] || '\\S+'}`, 'm')],
  [/^kubectl delete pod (\S+)( --grace-period=\d+)?$/, (m) => new RegExp(`pod "${m[1]}" deleted`)],
  [/^kubectl delete pod (\S+) --grace-period=0 --force$/, (m) => new RegExp(`^Warning: Immediate deletion does not wait for confirmation[^\\n]*\\npod "${m[1]}" force deleted`, 'm')],
  [/^kubectl get events --field-selector \S+$/, () => /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/m],
  [/^kubectl exec \S+ --container \S+ -- wget -qO- http:\/\/localhost:\d+$/, () => /\d{4}/],
  [/^ls -la \S+$/, () => /^total \d+$/m],
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

/** Course lines whose own output proves nothing, and why; what they do is checked by a later line. */
const NOT_CHECKED: [RegExp, string][] = [
  [/^clear$/, 'clears the screen and prints nothing'],
  [/^exit$/, 'leaves the shell inside the container; the prompt coming back is all it shows'],
  [/^fg$/, 'brings the background watch back; its output is checked where the watch starts'],
  [/^kubectl exec -it \S+ (--container \S+ )?-- \/bin\/sh$/, 'opens a shell in the container: a prompt is all it shows; the commands typed into it are checked'],
  [/^vi \S+$/, 'opens the editor; the edit is checked by the apply and describe that follow'],
  [/^kubectl exec -it \S+ -- \/usr\/bin\/killall \S+$/, 'kills the container\'s main process and prints nothing of its own; the restart shows in the events watch and the next `kubectl get pods`'],
];

/** Why a line's output is not checked, or undefined when it has a rule (or is not a course line we know). */
export function notCheckedReason(line: string): string | undefined {
  return NOT_CHECKED.find(([re]) => re.test(line.trim()))?.[1];
}

export function expectedOutput(line: string): RegExp | undefined {
  const trimmed = line.trim();
  for (const [re, make] of RULES) {
    const m = trimmed.match(re);
    if (m) return make(m);
  }
  return undefined;
}
