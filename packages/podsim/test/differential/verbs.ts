/**
 * The corpus for the verbs and flags Pod tutorials use beyond the seed course (issue 11): attach,
 * describe -f/-l, patch, debug, cp, create secret/configmap sources, templates, replace, diff, set
 * env/resources, auth, get --raw. Each verb with its usual errors, worded as kubectl 1.32 words them.
 */
import { files as base, withPod } from './manifests.js';
import type { Scenario } from './scenarios.js';

/** Prints two lines after ten seconds, then ends: an attach that finishes by itself. */
const LATE = `apiVersion: v1
kind: Pod
metadata:
  name: late
spec:
  restartPolicy: Never
  containers:
  - name: late
    image: busybox
    command: ["sh", "-c", "sleep 20; echo one; echo two"]
`;

const PATCH_YAML = `spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

export const files = { ...base, 'late.yaml': LATE, 'patch.yaml': PATCH_YAML };

export const VERBS: Scenario[] = [
  {
    name: 'attach: output until the process ends, errors',
    files,
    steps: ['kubectl apply -f late.yaml', 'sleep 12', 'kubectl attach late', 'kubectl attach late', 'kubectl attach', 'kubectl attach a b c', 'kubectl attach nope', 'kubectl attach pod nope', 'kubectl attach late -c zzz', 'kubectl attach late --pod-running-timeout=0'],
  },

  {
    name: 'patch: strategic, merge, json, file, dry runs, subresources',
    files,
    steps: withPod(
      `kubectl patch pod web -p '{"metadata":{"labels":{"tier":"back"}}}'`,
      `kubectl patch pod web -p '{"metadata":{"labels":{"tier":"back"}}}'`,
      'kubectl patch pod web --patch-file patch.yaml',
      `kubectl patch pod/web --type=json -p '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.26"}]'`,
      `kubectl patch pod web --type merge -p 'metadata: {annotations: {note: hi}}' -o jsonpath='{.metadata.annotations}'; echo`,
      `kubectl patch pod web -p '{"metadata":{"labels":{"x":"1"}}}' --dry-run=client -o yaml`,
      `kubectl patch pod web -p '{"metadata":{"labels":{"x":"1"}}}' --dry-run=server`,
      `kubectl patch -f pod.yaml --local -p '{"metadata":{"labels":{"x":"2"}}}' -o yaml`,
      `kubectl patch pod web --subresource=status --type=merge -p '{"status":{"message":"patched"}}'`,
      'kubectl get pod web -o jsonpath={.status.message}; echo',
      'kubectl apply -f deploy.yaml',
      `kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":3}}'`,
      `kubectl patch deploy web -p '{"spec":{"replicas":1}}' -o name`,
    ),
  },
  {
    name: 'patch: malformed patches and bad flags',
    files,
    steps: withPod(
      "kubectl patch pod web -p 'a: b: c'",
      `kubectl patch pod web --type=json -p '[{"op": "add"'`,
      `kubectl patch pod web --type=merge -p '[1]'`,
      `kubectl patch pod web --type=json -p '{"op":"add"}'`,
      `kubectl patch pod web --type=json -p '[{"op":"bogus","path":"/a"}]'`,
      `kubectl patch pod web --type=json -p '[{"op":"remove","path":"/metadata/nope"}]'`,
      `kubectl patch pod web -p '{"spec":{"containers":[{"name":"nginx","image":""}]}}'`,
      `kubectl patch pod web -p '{"spec":{"bogus":1}}'`,
      'kubectl patch pod web',
      'kubectl patch pod web -p x --patch-file y',
      "kubectl patch pod web -p '{}' --type=foo",
      'kubectl patch pod web --patch-file nope.yaml',
      "kubectl patch pod web -p '{}' --local",
      "kubectl patch pod nope -p '{}'",
      "kubectl patch -p '{}'",
      "kubectl patch pod -p '{}'",
    ),
  },
];
