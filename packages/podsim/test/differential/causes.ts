/**
 * Why each known mismatch remains, checked by hand against the real kubectl's requests and output.
 * `oracle` marks differences that come from the installed kubectl build rather than from podsim;
 * REPORT.md gives the rate with and without them.
 */
export interface Cause {
  test: RegExp;
  kind: 'oracle' | 'environment' | 'podsim' | 'serve';
  text: string;
}

const DISPATCHER =
  'Installed kubectl build: /usr/bin/kubectl is the Google Cloud SDK "dispatcher" (v1.32.4-dispatcher), whose main runs cobra through `cli.Run`; upstream kubectl 1.32 (`cmd/kubectl/kubectl.go`) uses `cli.RunNoErrOutput` + `cmdutil.CheckErr`. podsim follows upstream (see "The oracle" above).';

export const CAUSES: Cause[] = [
  { test: /^kubectl version/, kind: 'oracle', text: `${DISPATCHER} Its version string carries the build suffix \`-dispatcher\`; upstream v1.32.4 prints \`v1.32.4\`.` },
  { test: /--bogus|-Z$/, kind: 'oracle', text: `${DISPATCHER} Flag-parse errors print as \`Error: …\` there, \`error: …\` upstream.` },
  {
    test: /^kubectl (run noimage|create deployment bad|scale deployment web)$/,
    kind: 'oracle',
    text: `${DISPATCHER} Errors returned after logging starts go to klog (\`E… run.go:72] "command failed" err=…\`); upstream prints \`error: required flag(s) …\`.`,
  },
  {
    test: /^kubectl (cluster-info|config view|get --raw \/api$)/,
    kind: 'environment',
    text: 'The real kubectl reaches `podsim serve` at http://127.0.0.1:PORT without credentials (which /api reports as its serverAddress); the sandbox\'s kubeconfig (a kubeadm cluster\'s) names https://controlplane:6443 with certificates. The runner gives the real kubectl the sandbox\'s cluster, user and context names, so only the server URL and credentials differ.',
  },
  {
    test: /^kubectl events -A/,
    kind: 'environment',
    text: "Events of the same second (the reader's and kube-system's CoreDNS start) keep no order: kubectl sorts them with Go's unstable sort.Sort on second-resolution timestamps, so where ties land depends on the whole list. The two sides' lists differ in something the normalised output hides (not pinned down yet: the events' generated names or times on each cluster's own clock), and the CoreDNS ties come out in another order.",
  },
];

export function causeOf(command: string): Cause | undefined {
  return CAUSES.find((c) => c.test.test(command));
}
