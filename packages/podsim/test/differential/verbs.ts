/**
 * The corpus for the verbs and flags Pod tutorials use beyond the seed course (issue 11): attach,
 * describe -f/-l, patch, debug, cp, create secret/configmap sources, templates, replace, diff, set
 * env/resources, auth, get --raw. Each verb with its usual errors, worded as kubectl 1.32 words them.
 */
import { files as base } from './manifests.js';
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

export const files = { ...base, 'late.yaml': LATE };

export const VERBS: Scenario[] = [
  {
    name: 'attach: output until the process ends, errors',
    files,
    steps: ['kubectl apply -f late.yaml', 'sleep 12', 'kubectl attach late', 'kubectl attach late', 'kubectl attach', 'kubectl attach a b c', 'kubectl attach nope', 'kubectl attach pod nope', 'kubectl attach late -c zzz', 'kubectl attach late --pod-running-timeout=0'],
  },
];
