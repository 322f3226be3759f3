/**
 * The differential corpus for create job/cronjob, cp, diff, logs by selector and top (issue 11):
 * each with its usual errors, worded as kubectl 1.32 words them.
 */
import { files } from './manifests.js';
import type { Scenario } from './scenarios.js';

export const OPS_VERBS: Scenario[] = [
  {
    name: 'create job and cronjob, --from, their errors',
    files,
    steps: [
      'kubectl create job j1 --image=busybox -- echo hi',
      'kubectl create job j1 --image=busybox',
      'kubectl create job j3',
      'kubectl create job',
      "kubectl create cronjob c1 --image=busybox --schedule='*/1 * * * *'",
      'kubectl create cronjob c4 --image=busybox --schedule=bad',
      "kubectl create cronjob c5 --image=busybox --schedule='*/1 * * * *' --restart=Always",
      'kubectl create job j4 --from=cronjob/c1',
      'kubectl create job j9 --from=cronjob/c1 -o yaml --dry-run=client',
      'kubectl create job jx --from=cronjob',
      'kubectl create job j5 --from=cronjob/nope',
      'kubectl create job j10 --from=c1',
      'kubectl create job jy --from=cronjob/c1 -n nons',
      'kubectl create job j7 --from=cronjob/c1 -- echo',
      'kubectl create deploy x --image=nginx',
      'kubectl create job j11 --from=deploy/x',
      // Not the CronJob's own runs: the two clusters' minute boundaries fall at different moments.
      'sleep 30',
      'kubectl get jobs j1 j4',
    ],
  },
];
