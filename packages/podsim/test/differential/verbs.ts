/**
 * The corpus for the verbs and flags Pod tutorials use beyond the seed course (issue 11): attach,
 * describe -f/-l, patch, debug, cp, create secret/configmap sources, templates, replace, diff, set
 * env/resources, auth, get --raw. Each verb with its usual errors, worded as kubectl 1.32 words them.
 */
import { files as base, withDeploy, withPod } from './manifests.js';
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

/** Sources for `create configmap|secret`: a folder (with a subfolder that is skipped), env files, a key pair's PEM framing. */
const SOURCES = {
  'username.txt': 'admin',
  'password.txt': 'S!B\\*d$zDsb=',
  'conf/game.properties': 'lives=3\n',
  'conf/ui.properties': 'color=blue\n',
  'conf/sub/skipped.txt': 'x',
  'app.env': '# comment\n\nMODE=prod\n  LEVEL=debug=2\n',
  'bad.env': '1BAD=x\n',
  'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
};

export const files = { ...base, ...SOURCES, 'late.yaml': LATE, 'patch.yaml': PATCH_YAML };

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
  {
    name: 'describe -f, -l, --selector',
    files,
    steps: withPod('kubectl apply -f two.yaml', 'sleep 10', 'kubectl describe -f pod.yaml', 'kubectl describe -f two.yaml -f pod.yaml', 'kubectl describe pods -l app=web', 'kubectl describe pods --selector=app=none', 'kubectl describe -f late.yaml', 'kubectl describe -f missing.yaml'),
  },
  {
    name: 'create configmap/secret: --from-file, directories, --from-env-file, tls, docker-registry',
    files,
    steps: [
      'kubectl create secret generic db --from-file=./username.txt --from-file=pw=password.txt',
      'kubectl get secret db -o jsonpath={.data}; echo',
      'kubectl create configmap game --from-file=conf --from-literal=extra=1',
      'kubectl get configmap game -o yaml',
      'kubectl create configmap env --from-env-file=app.env --dry-run=client -o yaml',
      'kubectl create secret generic env --from-env-file=app.env -o name',
      // describe walks Go maps for Data: only single-key objects print in a stable order.
      'kubectl create secret generic one --from-file=username.txt',
      'kubectl describe secret one',
      'kubectl create secret docker-registry reg --docker-username=me --docker-password=pw --docker-email=me@x.io --docker-server=r.example.com --dry-run=client -o yaml',
      'kubectl create secret docker-registry reg2 --docker-username=me',
      'kubectl create secret tls t --cert=tls.crt',
      'kubectl create secret tls t --cert=tls.crt --key=nope.key',
      'kubectl create secret tls t --cert=username.txt --key=tls.crt',
      'kubectl create secret tls t --cert=tls.crt --key=tls.crt',
      'kubectl create secret generic db --from-literal=a=b',
      'kubectl create configmap game',
      'kubectl create service clusterip kubernetes --tcp=443',
    ],
  },
  {
    name: 'create configmap/secret: bad sources',
    files,
    steps: [
      'kubectl create configmap c --from-file=missing.txt',
      'kubectl create configmap c --from-file=k=conf',
      'kubectl create configmap c --from-file==x',
      'kubectl create configmap c --from-file=k=',
      'kubectl create configmap c --from-file=a=b=c',
      'kubectl create configmap c --from-literal=a=1 --from-literal=a=2',
      'kubectl create secret generic s --from-literal=a=1 --from-literal=a=2',
      "kubectl create configmap c --from-literal='a b=1'",
      'kubectl create secret generic s --from-literal=..x=1',
      'kubectl create configmap c --from-env-file=bad.env',
      'kubectl create secret generic s --from-env-file=conf',
      'kubectl create configmap c --from-env-file=app.env --from-literal=a=b',
      'kubectl create secret generic s --from-file=conf --from-file=conf',
    ],
  },
  {
    name: 'debug: ephemeral containers, --copy-to, errors',
    files,
    steps: withPod(
      'kubectl debug web --image=busybox:1.28 --target=nginx -c dbg --profile=general -- sleep 3600',
      'sleep 10',
      'kubectl get pod web -o jsonpath={.spec.ephemeralContainers}; echo',
      'kubectl get pod web -o jsonpath={.status.ephemeralContainerStatuses[0].state}; echo',
      'kubectl describe pod web',
      'kubectl get pod web',
      'kubectl debug web --image=busybox -c dbg',
      'kubectl debug web --image=busybox --target=nope -c d2',
      'kubectl debug web --image=busybox -c nginx',
      'kubectl debug web --copy-to=web-copy --set-image=*=nginx:1.27',
      'kubectl debug web --copy-to=web-2 --image=busybox -c sh --share-processes -- sleep 1d',
      'sleep 15',
      'kubectl get pods',
      'kubectl get pod web-2 -o jsonpath={.spec.shareProcessNamespace}{.metadata.labels}; echo',
      'kubectl debug web',
      'kubectl debug web --image=busybox -t',
      'kubectl debug --image=busybox',
      "kubectl debug web --image='Bad Image'",
      'kubectl debug web --image=busybox --copy-to=x --target=nginx',
      'kubectl debug web --image=busybox --set-image=a=b',
      'kubectl debug nope --image=busybox --profile=general',
    ),
  },
  {
    name: 'auth whoami, can-i',
    steps: [
      'kubectl auth whoami',
      'kubectl auth whoami -o yaml',
      'kubectl auth whoami -o jsonpath={.status.userInfo.groups}; echo',
      'kubectl auth can-i create pods',
      'kubectl auth can-i delete deployments.apps/web -n kube-system',
      'kubectl auth can-i get pods --subresource=log',
      'kubectl auth can-i create pods -q; echo $?',
      'kubectl auth can-i fly pods',
      'kubectl auth can-i get foos',
      'kubectl auth can-i get',
      'kubectl auth can-i --list',
      'kubectl auth can-i --list --no-headers -n kube-system',
      'kubectl auth can-i --list -q',
      'kubectl auth can-i --list --subresource=log',
      'kubectl auth can-i --list pods',
      'kubectl auth can-i get /logs',
      'kubectl auth can-i fly /healthz',
      'kubectl auth can-i get /logs --subresource=log',
      'kubectl auth can-i list nodes',
      'kubectl auth can-i list nodes -A',
      'kubectl auth can-i watch namespaces/default',
      'kubectl auth can-i fly foos',
      'kubectl auth can-i get foos.example.com',
      'kubectl auth can-i impersonate users',
      "kubectl auth can-i '*' '*'",
      'kubectl auth can-i get pods --no-headers',
    ],
  },
  {
    name: 'set env, set resources',
    files,
    steps: withDeploy(
      'kubectl apply -f pod.yaml',
      // One key: `set env --from` walks the ConfigMap's data as a Go map, in an order that changes from run to run.
      'kubectl create configmap app --from-literal=log.level=debug',
      'kubectl set env deployment/web STORAGE_DIR=/local MODE=x',
      'kubectl set env deployment/web STORAGE_DIR=/local',
      'kubectl set env deployment/web --list',
      'kubectl set env deployment/web MODE-',
      'kubectl set env deployment/web --from=configmap/app --prefix=APP_',
      'kubectl set env deployment/web --list',
      'kubectl set env deployment/web MODE=y --overwrite=false',
      'kubectl set env deployment/web STORAGE_DIR=/x --overwrite=false',
      'kubectl set env pod/web A=b',
      'kubectl set env pods --all --list',
      'kubectl set env deployment/web A=1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env}; echo',
      'kubectl set env deployment/web',
      'kubectl set env A=b',
      'kubectl set env deployment/web -c nope A=b',
      'kubectl set env deployment/web --keys=a A=b',
      'kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi',
      'kubectl set resources deployment web --requests=cpu=100m,memory=256Mi',
      'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}; echo',
      'kubectl set resources deployment web --requests=cpu=100m,memory=256Mi',
      'kubectl set resources deployment web',
      'kubectl set resources deployment web --limits=cpu=abc',
      'kubectl set resources deployment nope --limits=cpu=1',
    ),
  },
  {
    name: 'label/annotate --list, wait --for=jsonpath',
    files,
    // Only one-label objects: --list walks a Go map, so several labels come out in any order.
    steps: [
      'kubectl run solo --image=nginx',
      'kubectl label pod solo --list',
      'kubectl label pod/solo --list run-',
      'kubectl get pod solo --show-labels',
      'kubectl annotate pod solo note=hi',
      'kubectl annotate pod solo --list',
      'kubectl label pods --all --list',
      'kubectl label pod solo --list -o name',
      "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/solo",
      'kubectl wait --for=jsonpath=.status.phase=Running pod/solo',
      "kubectl wait --for=jsonpath='{.status.podIP}' pod/solo",
      "kubectl wait --for=jsonpath='{.status.phase}'= pod/solo",
      'kubectl wait --for=jsonpath= pod/solo',
      'kubectl delete pod solo --wait=false',
      'kubectl wait --for=delete pod/solo --timeout=60s',
    ],
  },
  {
    name: 'replace, --force, errors',
    files,
    steps: withPod(
      'kubectl replace -f pod.yaml',
      'kubectl replace -f pod.yaml -o name',
      'kubectl replace -f deploy.yaml',
      'kubectl replace --force -f pod.yaml',
      'kubectl get pods',
      'kubectl replace',
      'kubectl replace -f pod.yaml --grace-period=1',
      'kubectl replace -f pod.yaml --force --dry-run=server',
      'kubectl replace -f missing.yaml',
      'kubectl replace -f patch.yaml',
    ),
  },
];
