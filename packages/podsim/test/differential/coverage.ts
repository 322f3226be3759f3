/**
 * The corpus beyond the seed demos: every command and flag podsim's kubectl implements, with its
 * usual errors. Interactive commands (edit, exec -it, port-forward that stays open) are left out.
 */
import { files, withDeploy, withPod } from './manifests.js';
import type { Scenario } from './scenarios.js';
import { METRICS_SERVER_COMPONENTS } from '../../src/host/web/metrics-server.js';

/** Two stress workers: one CPU hog, one holding 150 MiB, in one pod. */
const HOG = `apiVersion: v1
kind: Pod
metadata:
  name: hog
  labels:
    app: hog
spec:
  containers:
  - name: cpu
    image: vish/stress
    args: ["-cpus", "1"]
  - name: mem
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
`;

export const COVERAGE: Scenario[] = [
  // The seed notes' "Working with Pods" and "Stopping/Terminating Pods" one-liners.
  {
    name: 'seed notes: exec --container, port-forward errors',
    files,
    steps: ['kubectl apply -f two.yaml', 'sleep 10', 'kubectl exec two --container side -- /bin/bash', 'kubectl exec two --container side -- hostname', 'kubectl port-forward pod two', 'kubectl port-forward pod nope 8080:80'],
  },
  {
    name: 'seed notes: delete --grace-period, --force',
    files,
    steps: withPod('kubectl delete pod --grace-period=5', 'kubectl delete pod --grace-period=0 --force', 'kubectl delete pod web --grace-period=0 --force', 'kubectl get pods'),
  },
  {
    name: 'get -L, --no-headers, --field-selector, set selectors',
    files,
    steps: withPod(
      'kubectl run other --image=nginx --labels=app=other',
      'sleep 5',
      'kubectl get pods -L app,tier',
      'kubectl get pods --no-headers',
      'kubectl get pods --field-selector=status.phase=Running',
      'kubectl get pods --field-selector metadata.name=web -o name',
      'kubectl get pods --field-selector=spec.nodeName=nowhere',
      "kubectl get pods -l 'app in (web,other)'",
      'kubectl get pods -l app=nope',
      'kubectl get pods -A -l app=web -o wide',
    ),
  },
  {
    name: 'get: go-template, --template and template files',
    files: { ...files, 'names.tmpl': '{{range .items}}{{.metadata.name}} {{.status.phase}}{{"\\n"}}{{end}}' },
    steps: withPod(
      'kubectl run other --image=nginx',
      'sleep 10',
      `kubectl get pods -o go-template --template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
      `kubectl get pod web --template='{{.status.phase}} {{len .spec.containers}}{{"\\n"}}'`,
      'kubectl get pods --all-namespaces -o go-template --template="{{range .items}}{{range .spec.containers}}{{.image}} {{end}}{{end}}"; echo',
      `kubectl get pod web -o template='{{(index (index .spec.containers 0).ports 0).containerPort}}{{"\\n"}}'`,
      `kubectl get pod web -o go-template='{{.metadata.labels}} {{.spec.restartPolicy | printf "%q"}} {{.nope}}{{"\\n"}}'`,
      'kubectl get pods -o go-template-file=names.tmpl',
      'kubectl get pods -o go-template-file --template=names.tmpl',
      'kubectl get pods -o templatefile=nope.tmpl',
      'kubectl get pod web -o go-template',
      "kubectl get pod web -o go-template='{{.x}'",
      "kubectl get pod web -o go-template='{{nope .x}}'",
      "kubectl get pod web --template='{{.metadata.name}}{{\"\\n\"}}' -o jsonpath",
      "kubectl get pods -l app=none -o go-template='{{.kind}} {{len .items}}'; echo",
      "kubectl get pod nope --template='{{.metadata.name}}'",
      "kubectl get pod web --allow-missing-template-keys=false -o go-template='{{.nope}}'",
      "kubectl get pods --template='{{range .items}}{{if eq .metadata.name \"web\"}}{{.metadata.name}}{{else}}-{{end}}{{end}}'; echo",
    ),
  },
  {
    name: 'get --raw: discovery, objects, lists, errors',
    files,
    steps: withPod(
      'kubectl get --raw /api',
      'kubectl get --raw /api/v1/namespaces/default/pods/web',
      'kubectl get --raw /api/v1/namespaces/default/pods',
      "kubectl get --raw '/api/v1/namespaces/default/pods?labelSelector=app%3Dnone'",
      'kubectl get --raw /apis/apps/v1/namespaces/default/deployments',
      'kubectl get --raw /version',
      'kubectl get --raw /healthz',
      'kubectl get --raw /nope',
      'kubectl get --raw /api/v1/namespaces/default/pods/nope',
      'kubectl get --raw api/v1',
      'kubectl get --raw /api -o json',
      'kubectl get pods --raw /api',
      'kubectl get --raw /api -l app=web',
    ),
  },
  {
    name: 'get: jsonpath ranges, sorting, other kinds',
    files,
    steps: withDeploy(
      'kubectl apply -f pod.yaml',
      'sleep 5',
      `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`,
      'kubectl get pods --sort-by=.status.podIP --no-headers -o wide',
      'kubectl get pods -o wide --show-labels',
      'kubectl get deploy web -o go-template={{.metadata.name}}; echo',
      'kubectl describe pod web --show-events=false',
      'kubectl get nodes -l node-role.kubernetes.io/control-plane',
      'kubectl get pods -n kube-system',
      'kubectl get ns default -o yaml',
      'kubectl get svc,endpoints kubernetes -o wide',
      'kubectl delete deployment web --cascade=orphan',
      'kubectl get rs,pods -l app=web',
    ),
  },
  {
    name: 'get errors',
    steps: ['kubectl get foos', 'kubectl get pods -o foo', 'kubectl get pods --field-selector=bogus=1', "kubectl get pods -l 'a in'", 'kubectl get pod web nope -n nowhere', 'kubectl get'],
  },
  {
    name: 'get workloads',
    files,
    steps: withDeploy('kubectl get deploy -o wide', 'kubectl get rs -o wide', 'kubectl get deploy,rs,pods', 'kubectl get rs -o name', 'kubectl get deploy web -o yaml', 'kubectl get deploy web -o jsonpath={.status.replicas}; echo'),
  },
  { name: 'describe replicaset, pods by label', files, steps: withDeploy('kubectl describe rs', 'kubectl describe pods -l app=web', 'kubectl describe deploy') },
  { name: 'describe other kinds', steps: ['sleep 5', 'kubectl describe configmap kube-root-ca.crt', 'kubectl describe ns default', 'kubectl describe service kubernetes', 'kubectl describe nodes nope'] },
  {
    name: 'logs -f, --since, --tail=0, errors',
    files,
    steps: ['kubectl apply -f crash.yaml', 'sleep 4', 'kubectl logs crash -f', 'sleep 20', 'kubectl logs crash --since=1h', 'kubectl logs crash --tail=0', 'kubectl logs crash -p -c nope', 'kubectl logs pod/crash --timestamps=false'],
  },
  // Not `--all-containers` or `-f` with a timeout: kubectl 1.32 prints the containers' logs in Go map
  // order (it varies run to run), and --request-timeout counts wall time.
  { name: 'logs of two containers', files, steps: ['kubectl apply -f two.yaml', 'sleep 10', 'kubectl logs two -c side --prefix', 'kubectl logs two -c main --tail=1', 'kubectl logs two'] },
  { name: 'logs of a deployment, by label', files, steps: withDeploy('kubectl logs deployment/web --tail=1', 'kubectl logs -l app=web --tail=1', 'kubectl logs deploy/nope') },
  {
    name: 'exec errors and streams',
    files,
    // One stream per step: the real kubectl copies stdout and stderr in two goroutines, so their order varies.
    steps: withPod('kubectl exec web', 'kubectl exec nope -- ls', 'kubectl exec web -- nosuchcmd', 'kubectl exec web -- sh -c "echo out"', 'kubectl exec web -- sh -c "echo err >&2; exit 3"', 'kubectl exec pod/web -- cat /etc/hostname'),
  },
  { name: 'delete --now, -f, deployment', files, steps: withDeploy('kubectl apply -f pod.yaml', 'sleep 5', 'kubectl delete pod web --now', 'kubectl delete -f deploy.yaml', 'kubectl get rs', 'kubectl delete deployment web', 'kubectl delete pods,deployments --all') },
  {
    name: 'rollout restart, history --revision, undo --to-revision',
    files,
    steps: withDeploy(
      'kubectl rollout restart deployment web',
      'sleep 30',
      'kubectl rollout history deployment/web',
      'kubectl rollout history deployment/web --revision=1',
      'kubectl rollout undo deployment web --to-revision=9',
      'kubectl rollout undo deployment web --to-revision=1',
      'sleep 30',
      'kubectl rollout status deployment/web',
      'kubectl rollout status deployment nope',
      'kubectl rollout restart deployment nope',
    ),
  },
  { name: 'scale errors', files, steps: withDeploy('kubectl scale deployment web', 'kubectl scale deployment nope --replicas=2', 'kubectl scale deployment web --replicas=-1', 'kubectl scale deploy/web --replicas=3 --current-replicas=5') },
  { name: 'set image on a pod, errors', files, steps: withPod('kubectl set image pod/web nginx=httpd', 'sleep 20', 'kubectl get pod web', 'kubectl set image pod/web nginx', 'kubectl set image pod/nope nginx=httpd') },
  {
    name: 'annotate --overwrite, label --all, errors',
    files,
    steps: withPod(
      'kubectl annotate pod web note=a',
      'kubectl annotate pod web note=b',
      'kubectl annotate pod web note=b --overwrite',
      'kubectl annotate pod web note-',
      "kubectl label pod web 'bad key=1'",
      'kubectl label pods --all env=test',
      'kubectl label pod web',
      'kubectl get pods -L env',
    ),
  },
  {
    name: 'terminals, secrets and config maps, rollouts described',
    files,
    steps: withDeploy(
      'kubectl exec -it deploy/web -- ls',
      'kubectl run box --image=busybox --rm --restart=Never -- echo hi',
      'kubectl create secret generic sec --from-literal=user=admin',
      'kubectl get secret sec -o yaml',
      'kubectl describe secret sec',
      'kubectl create configmap cfg --from-literal=a=1',
      'kubectl get cm cfg -o jsonpath={.data}; echo',
      'kubectl set image deployment/web nginx=httpd',
      'sleep 30',
      'kubectl describe deploy web',
      'kubectl get events --sort-by=.metadata.creationTimestamp -o custom-columns=REASON:.reason --no-headers',
      'kubectl delete pod -l app=web --wait=false',
      'kubectl get deploy web -o custom-columns=NAME:.metadata.name,READY:.status.readyReplicas,IMAGE:.spec.template.spec.containers[0].image',
    ),
  },
  {
    name: 'crash loops, jsonpath objects, dry-run outputs',
    files,
    steps: [
      'kubectl apply -f crash.yaml',
      'kubectl apply -f pod.yaml',
      'sleep 3',
      'kubectl logs crash -p',
      'sleep 40',
      'kubectl get pod crash -o wide',
      "kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].lastState}'; echo",
      "kubectl get pods --selector=app=web,tier=front -o jsonpath='{.items[*].spec.containers[*].name}'; echo",
      'kubectl label pod web app=web2 --overwrite --dry-run=client -o yaml',
      'kubectl expose pod web --port=8080 --target-port=80 --name=websvc --dry-run=client -o yaml',
      'kubectl describe pod crash',
      'kubectl delete pods --all --grace-period=0 --force',
    ],
  },
  { name: 'top without metrics-server', steps: ['kubectl top pods', 'kubectl top nodes'] },
  {
    name: 'top with metrics-server: pods, containers, namespaces, selectors, sorting, nodes',
    files: { ...files, 'components.yaml': METRICS_SERVER_COMPONENTS, 'hog.yaml': HOG },
    steps: [
      'kubectl apply -f components.yaml',
      'kubectl apply -f hog.yaml',
      'kubectl run web --image=nginx --labels=app=web',
      'sleep 5',
      'kubectl top pods',
      'sleep 60',
      'kubectl get apiservice v1beta1.metrics.k8s.io',
      'kubectl top pods',
      'kubectl top pod web',
      'kubectl top pod nope',
      'kubectl top pods --containers',
      'kubectl top pods -A',
      'kubectl top pods -A --containers --sum',
      'kubectl top pods -l app=web',
      'kubectl top pods -l app=nope',
      'kubectl top pods --sort-by=cpu',
      'kubectl top pods --sort-by=memory --no-headers',
      'kubectl top pods -n kube-system',
      'kubectl top nodes',
      'kubectl top node node01',
      'kubectl top nodes --sort-by=memory',
      'kubectl top nodes --show-capacity --no-headers',
      'kubectl top node nope',
      'kubectl get --raw /apis/metrics.k8s.io/v1beta1',
      'kubectl api-resources --api-group=metrics.k8s.io',
      'kubectl api-versions',
    ],
  },
  { name: 'config, cluster-info, version, api-versions', steps: ['kubectl config current-context', 'kubectl config get-contexts', 'kubectl config view', 'kubectl cluster-info', 'kubectl version', 'kubectl api-versions'] },
  {
    name: 'events --for, --types, -A',
    files,
    steps: withPod('kubectl events --for pod/web', 'kubectl events --types=Warning', 'kubectl events -A --types=Normal', 'kubectl events --for pod/nope', 'kubectl get events --field-selector involvedObject.name=web', 'kubectl events --types=Bogus'),
  },
  {
    name: 'wait --for condition, delete, timeout',
    files,
    // The real kubectl's --timeout counts wall time, so the pod that times out is one that can never be Ready.
    steps: [
      'kubectl apply -f pod.yaml',
      'kubectl apply -f pending.yaml',
      'kubectl wait --for=condition=Ready pod/web',
      'kubectl wait --for=condition=Ready pod/pending --timeout=2s',
      'kubectl delete pod web --wait=false',
      'kubectl wait --for=delete pod/web --timeout=60s',
      'kubectl wait --for=delete pod/web',
      'kubectl wait pod/pending',
    ],
  },
  {
    name: 'run --restart, --command, errors, dry runs',
    steps: [
      'kubectl run once --image=busybox --restart=Never -- sh -c "echo hi"',
      'kubectl run again --image=busybox --restart=OnFailure --command -- false',
      'kubectl run noimage',
      'kubectl run x --image=nginx --restart=Bogus',
      'sleep 15',
      'kubectl get pods',
      'kubectl logs once',
      'kubectl run web2 --image=nginx --port=80 --env=A=1 --labels=tier=front --dry-run=client -o yaml',
      'kubectl run web3 --image=nginx --dry-run=server',
      'kubectl run once --image=busybox',
    ],
  },
  {
    name: 'create service, dry runs, errors',
    steps: [
      'kubectl create service clusterip svc1 --tcp=80:8080',
      'kubectl get svc svc1',
      'kubectl create deployment d2 --image=nginx --dry-run=client -o yaml',
      'kubectl create configmap cfg2 --from-literal=a=1 --from-literal=b=2 --dry-run=client -o yaml',
      'kubectl create namespace team --dry-run=client -o yaml',
      'kubectl create secret generic s2 --from-literal=k=v --dry-run=client -o yaml',
      'kubectl create deployment bad',
      'kubectl create configmap cfg3 --from-literal=novalue',
      'kubectl create namespace default',
    ],
  },
  { name: 'expose NodePort, errors', files, steps: withPod('kubectl expose pod web --port=80 --type=NodePort', 'kubectl get svc web -o wide', 'kubectl expose pod web --port=80', 'kubectl expose pod nope --port=80', 'kubectl expose pod web --name=web2') },
  { name: 'explain --recursive, errors', steps: ['kubectl explain pod.spec.containers.ports --recursive', 'kubectl explain pods.spec.bogus', 'kubectl explain foo'] },
  // Type names of int-or-string and quantity fields, enum lines, kept double spaces in descriptions.
  { name: 'explain types and wrapping', steps: ['kubectl explain deployment.spec.strategy --recursive', 'kubectl explain pod.spec.containers.livenessProbe.httpGet', 'kubectl explain pod.spec', 'kubectl explain service.spec.ipFamilies', 'kubectl explain pod.spec.volumes'] },
  { name: 'apply errors, dry runs', files, steps: ['kubectl apply -f missing.yaml', 'kubectl apply', 'kubectl apply -f pod.yaml --dry-run=client', 'kubectl apply -f pod.yaml --dry-run=server', 'kubectl apply -f pod.yaml -o name'] },
];
