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
  {
    // One pod per selector where output is compared: kubectl reads several log streams in Go map order.
    name: 'logs -l, --since-time, --max-log-requests, errors',
    files,
    steps: [
      "kubectl run a1 --image=busybox -l app=a -- sh -c 'echo one; echo two; sleep 3600'",
      "kubectl run b1 --image=busybox -l app=b -- sh -c 'echo three; sleep 3600'",
      'kubectl apply -f two.yaml',
      'sleep 10',
      'kubectl logs -l app=none',
      'kubectl logs -l app=none -n kube-system',
      'kubectl logs -l app=a --prefix',
      'kubectl logs -l app=a --tail=1 --timestamps=false',
      'kubectl logs -l app=a --max-log-requests=1',
      "kubectl logs -l 'app in (a,b)' -f --max-log-requests=1",
      'kubectl logs a1 -l app=a',
      'kubectl logs two --since=1h --since-time=2020-01-01T00:00:00Z',
      'kubectl logs two --since-time=2020-13-01T00:00:00Z -c main',
      'kubectl logs two --since-time=2020-01-01 -c main',
      'kubectl logs two --since-time=2020-01-01T00:00:00Z -c main',
      'kubectl logs two --since=-1s -c main',
      'kubectl logs two --tail=-2 -c main',
      'kubectl logs two main -c main',
      'kubectl logs two main --all-containers',
      'kubectl logs two -c side --prefix --since=1h',
    ],
  },
  {
    name: 'diff -f: new, unchanged and changed objects, exit codes, KUBECTL_EXTERNAL_DIFF',
    files: { ...files, 'pod2.yaml': files['pod.yaml'].replace('image: nginx', 'image: nginx:1.27') },
    steps: [
      'kubectl diff -f pod.yaml; echo rc=$?',
      'kubectl apply -f pod.yaml',
      'kubectl diff -f pod.yaml; echo rc=$?',
      'kubectl diff -f pod2.yaml; echo rc=$?',
      'kubectl diff -f nope.yaml; echo rc=$?',
      'kubectl diff; echo rc=$?',
      'KUBECTL_EXTERNAL_DIFF="diff -q" kubectl diff -f pod2.yaml; echo rc=$?',
      'KUBECTL_EXTERNAL_DIFF=nodiff kubectl diff -f pod2.yaml; echo rc=$?',
    ],
  },
  {
    name: 'cp to and from pods: files, directories, -c, --no-preserve, tar warnings, errors',
    // Pod `two` runs busybox tar and GNU tar side by side; each exec lets the served cluster's clock run on
    // while kubectl closes the stream, so its containers sleep longer than the scenario lasts. Left out:
    // copying a missing file from a pod, whose tar error races kubectl's exit once the archive has ended
    // (the real kubectl prints it or not from run to run; cp.test.ts covers it).
    files: { ...files, 'two.yaml': files['two.yaml'].replaceAll('sleep 3600', 'sleep 1000000').replace('name: side\n    image: busybox', 'name: side\n    image: nginx'), 'notes.txt': 'hello\n', 'site/index.html': '<h1>hi</h1>\n', 'site/css/a.css': 'a{}\n' },
    steps: [
      'kubectl apply -f pod.yaml',
      'kubectl apply -f two.yaml',
      'kubectl run p --image=registry.k8s.io/pause:3.10',
      'sleep 15',
      'kubectl cp notes.txt web:/tmp/notes.txt; echo rc=$?',
      'kubectl exec web -- cat /tmp/notes.txt',
      'kubectl cp notes.txt web:/tmp/',
      'kubectl cp site web:/usr/share/nginx/html/site',
      'kubectl exec web -- cat /usr/share/nginx/html/site/css/a.css /tmp/notes.txt',
      'kubectl cp web:/etc/hostname host.txt; echo rc=$?; cat host.txt',
      'kubectl cp web:/usr/share/nginx/html/site copied; cat copied/css/a.css copied/index.html',
      'kubectl cp web:../../etc/hostname up.txt; cat up.txt',
      'kubectl cp two:/etc/hostname h2.txt; cat h2.txt',
      'kubectl cp notes.txt two:/tmp/n.txt -c side',
      'kubectl exec two -c side -- cat /tmp/n.txt',
      'kubectl cp notes.txt default/web:/tmp/n2 --no-preserve',
      'kubectl exec two -c main -- sh -c "mkdir -p /d/s && echo x > /d/s/f && ln -s f /d/s/l && ln -s s /d/t"',
      'kubectl cp two:/d dcopy -c main; cat dcopy/s/f',
      'kubectl cp notes.txt web:/no/such/dir/x; echo rc=$?',
      'kubectl cp notes.txt two:/no/such/dir/x -c main; echo rc=$?',
      'kubectl cp nope.txt web:/tmp/x',
      'kubectl cp web:/etc/hostname .',
      'kubectl cp notes.txt p:/x',
      'kubectl cp a',
      'kubectl cp a b c',
      'kubectl cp a b',
      'kubectl cp web:/a two:/b',
      'kubectl cp :a b',
      'kubectl cp x/y/z:/a b',
      'kubectl cp web: b',
      'kubectl cp nope:/etc/hostname b',
      'kubectl cp kube-system/web:/etc/hostname b',
      'kubectl cp web:/etc/hostname h3 -c nope',
      'kubectl cp web:/etc/hostname r.txt --retries=1; cat r.txt',
    ],
  },
];
