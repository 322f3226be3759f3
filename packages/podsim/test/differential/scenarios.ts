/**
 * The differential corpus: command sequences run both through the real kubectl against `podsim serve`
 * and through podsim's own kubectl. `sleep N` lets N virtual seconds pass on both sides; `edit FILE`
 * saves the scenario's edited FILE on both sides. The seed demos are the course's scripts with the
 * interactive parts (`-it` shells, background watches) left out, since neither side has a terminal here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_ACCESS } from './api-access.js';
import { AUTOSCALING_KINDS } from './autoscaling-kinds.js';
import { COVERAGE } from './coverage.js';
import { KUSTOMIZE } from './kustomize.js';
import { files, withDeploy, withPod } from './manifests.js';
import { OPS_VERBS } from './ops-verbs.js';
import { PDB_KINDS } from './pdb-kinds.js';
import { QUOTA_KINDS } from './quota-kinds.js';
import { LIMITRANGE_KINDS } from './limitrange-kinds.js';
import { STATEFULSET_KINDS } from './statefulset-kinds.js';
import { STORAGE_KINDS } from './storage-kinds.js';
import { VERBS } from './verbs.js';

export interface Scenario {
  name: string;
  files?: Record<string, string>;
  /** What the reader saves in an editor: the step `edit NAME` writes edits[NAME] on both sides. */
  edits?: Record<string, string>;
  steps: string[];
}

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '../seed');

function seedFiles(): Record<string, string> {
  const dir = join(seedDir, 'files');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/**
 * A seed script's kubectl lines and editor saves, made non-interactive, with the reader's think time
 * between them. An interactive shell session (`exec -it POD -- /bin/sh`, commands, `exit`) becomes the
 * same commands piped into `exec -i`.
 */
function seedSteps(script: string): string[] {
  const steps: string[] = [];
  let session: { pod: string; commands: string[] } | undefined;
  for (const raw of readFileSync(join(seedDir, script), 'utf8').split('\n')) {
    const line = raw.trim();
    if (session) {
      if (line === 'exit') {
        steps.push(`echo '${session.commands.join('; ')}' | kubectl exec -i ${session.pod} -- /bin/sh`, 'sleep 5');
        session = undefined;
      } else if (line && !line.startsWith('#')) session.commands.push(line);
      continue;
    }
    const shell = /^kubectl exec -it (\S+) -- \/bin\/sh$/.exec(line);
    if (shell) session = { pod: shell[1], commands: [] };
    if (line.startsWith('vi ')) steps.push(`edit ${line.slice(3)}`);
    if (shell || !line.startsWith('kubectl ') || line.endsWith('&')) continue;
    steps.push(line.replace(' -it ', ' '), 'sleep 5');
  }
  return steps;
}

export const SCENARIOS: Scenario[] = [
  { name: 'seed 01 restart policy Always', files: seedFiles(), steps: seedSteps('01-restart-policy-always.sh') },
  { name: 'seed 02 restart policy OnFailure/Never', files: seedFiles(), steps: seedSteps('02-restart-policy-onfailure-never.sh') },
  {
    name: 'seed 03 container probes, as written',
    files: seedFiles(),
    // In `vi container-probes.yaml` the course has the reader point the probes at port 8080.
    edits: { 'container-probes.yaml': seedFiles()['container-probes.yaml'].replaceAll('8081', '8080') },
    steps: seedSteps('03-container-probes.sh'),
  },
  { name: 'seed 03 container probes', files: seedFiles(), steps: ['kubectl apply -f container-probes.yaml', 'sleep 30', 'kubectl get pods', 'kubectl describe pods', 'kubectl delete deployment hello-world'] },
  { name: 'get nodes', steps: ['sleep 5', 'kubectl get nodes', 'kubectl get nodes -o wide', 'kubectl get node node01 --show-labels'] },
  { name: 'get -o wide/name', files, steps: withPod('kubectl get pods -o wide', 'kubectl get pods -o name', 'kubectl get pod web -o name') },
  { name: 'get -o yaml', files, steps: withPod('kubectl get pod web -o yaml') },
  { name: 'get -o json', files, steps: withPod('kubectl get pod web -o json') },
  { name: 'get -o jsonpath', files, steps: withPod("kubectl get pod web -o jsonpath='{.spec.containers[0].image}'; echo", "kubectl get pods -o jsonpath='{.items[*].metadata.name}'; echo") },
  { name: 'get -o custom-columns', files, steps: withPod('kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,PHASE:.status.phase') },
  { name: 'get -l and --show-labels', files, steps: withPod('kubectl run other --image=nginx', 'sleep 5', 'kubectl get pods -l app=web', 'kubectl get pods -l app!=web', 'kubectl get pods --show-labels', 'kubectl get pods -l tier') },
  { name: 'get -A', files, steps: withPod('kubectl get pods -A', 'kubectl get svc -A') },
  { name: 'get --sort-by', files, steps: withPod('kubectl run aaa --image=nginx', 'sleep 3', 'kubectl get pods --sort-by=.metadata.name', 'kubectl get pods --sort-by=.metadata.creationTimestamp') },
  { name: 'describe pod', files, steps: withPod('kubectl describe pod web') },
  { name: 'describe deployment', files, steps: withDeploy('kubectl describe deployment web') },
  { name: 'describe node', steps: ['sleep 5', 'kubectl describe node node01'] },
  { name: 'describe service', files, steps: withPod('kubectl expose pod web --port=80', 'sleep 2', 'kubectl describe service web') },
  { name: 'delete --grace-period', files, steps: withPod('kubectl delete pod web --grace-period=5', 'kubectl get pods') },
  { name: 'delete --force', files, steps: withPod('kubectl delete pod web --grace-period=0 --force', 'kubectl get pods') },
  { name: 'delete -l', files, steps: withPod('kubectl run other --image=nginx', 'sleep 5', 'kubectl delete pods -l app=web', 'kubectl get pods') },
  { name: 'delete --all', files, steps: withPod('kubectl run other --image=nginx', 'sleep 5', 'kubectl delete pods --all', 'kubectl get pods') },
  { name: 'logs -c', files, steps: ['kubectl apply -f two.yaml', 'sleep 10', 'kubectl logs two -c side', 'kubectl logs two', 'kubectl logs two -c nope'] },
  { name: 'logs --previous', files, steps: ['kubectl apply -f crash.yaml', 'sleep 20', 'kubectl logs crash --previous', 'kubectl logs crash -p --tail=1'] },
  { name: 'logs --tail --timestamps', files, steps: withPod('kubectl logs web --tail=2', 'kubectl logs web --tail=1 --timestamps') },
  { name: 'exec', files, steps: withPod('kubectl exec web -- ls /usr/share/nginx/html', 'kubectl exec web -- sh -c "exit 3"', 'kubectl exec web -c nope -- ls') },
  { name: 'apply created/configured/unchanged', files, steps: ['kubectl apply -f deploy.yaml', 'kubectl apply -f deploy.yaml', 'kubectl apply -f pod.yaml', 'kubectl label pod web extra=1', 'kubectl apply -f pod.yaml'] },
  { name: 'create deployment', steps: ['kubectl create deployment hello --image=nginx --replicas=2', 'sleep 15', 'kubectl get deploy', 'kubectl get rs', 'kubectl create deployment hello --image=nginx'] },
  { name: 'run', steps: ['kubectl run nginx --image=nginx --labels=app=x,env=dev', 'sleep 10', 'kubectl get pods --show-labels', 'kubectl run nginx --image=nginx --dry-run=client -o yaml'] },
  { name: 'scale', files, steps: withDeploy('kubectl scale deployment web --replicas=4', 'sleep 15', 'kubectl get deploy web', 'kubectl scale deployment web --replicas=1', 'sleep 40', 'kubectl get deploy web') },
  { name: 'rollout status/history/undo', files, steps: withDeploy('kubectl rollout status deployment web', 'kubectl set image deployment/web nginx=httpd', 'sleep 30', 'kubectl rollout history deployment web', 'kubectl rollout undo deployment web', 'sleep 30', 'kubectl rollout status deployment web', 'kubectl get deploy web -o wide') },
  { name: 'set image', files, steps: withDeploy('kubectl set image deployment/web nginx=httpd', 'sleep 30', 'kubectl get deploy web -o wide', 'kubectl set image deployment/web nope=httpd') },
  { name: 'label', files, steps: withPod('kubectl label pod web color=blue', 'kubectl label pod web color=red', 'kubectl label pod web color=red --overwrite', 'kubectl label pod web color-', 'kubectl get pod web --show-labels') },
  { name: 'annotate', files, steps: withPod('kubectl annotate pod web note=hello', 'kubectl get pod web -o jsonpath={.metadata.annotations.note}; echo') },
  { name: 'expose', files, steps: withDeploy('kubectl expose deployment web --port=80 --target-port=80', 'sleep 2', 'kubectl get svc web', 'kubectl get endpoints web') },
  { name: 'events', files, steps: withPod('kubectl get events', 'kubectl events') },
  {
    name: 'describe endpoints and slices (hostname, zone, headless)',
    files: {
      'db.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports:\n  - {port: 80, name: http}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db-0\n  labels: {app: db}\nspec:\n  hostname: db-0\n  subdomain: db\n  nodeName: node01\n  containers:\n  - {name: c, image: nginx}\n',
    },
    steps: [
      'kubectl label node node01 topology.kubernetes.io/zone=zone-a',
      'kubectl apply -f db.yaml',
      'sleep 20',
      'kubectl describe endpointslices -l kubernetes.io/service-name=db',
      'kubectl describe endpoints db',
      'kubectl describe endpoints kubernetes',
      'kubectl get endpointslices -l kubernetes.io/service-name=db -o yaml',
    ],
  },
  { name: 'explain', steps: ['kubectl explain pods', 'kubectl explain pods.spec.restartPolicy', 'kubectl explain deployment.spec.replicas'] },
  { name: 'api-resources', steps: ['kubectl api-resources', 'kubectl api-resources --namespaced=false'] },
  { name: 'version --client', steps: ['kubectl version --client'] },
  { name: 'error NotFound', steps: ['kubectl get pod nope', 'kubectl describe pod nope', 'kubectl delete pod nope', 'kubectl logs nope'] },
  { name: 'error AlreadyExists', files, steps: ['kubectl create -f pod.yaml', 'kubectl create -f pod.yaml'] },
  { name: 'error invalid', files, steps: ['kubectl apply -f invalid.yaml', 'kubectl run BAD --image=nginx'] },
  { name: 'error unknown field', files, steps: ['kubectl apply -f typo.yaml', 'kubectl create -f typo.yaml'] },
  { name: 'error unknown flag', steps: ['kubectl get pods --bogus', 'kubectl get pods -Z'] },
  { name: 'get configmaps secrets namespaces', steps: ['kubectl create configmap cfg --from-literal=a=1', 'kubectl create secret generic sec --from-literal=p=x', 'kubectl create namespace team', 'sleep 2', 'kubectl get cm,secret', 'kubectl get ns', 'kubectl get sa -n team'] },
  { name: 'get all', files, steps: withDeploy('kubectl get all') },
  ...COVERAGE,
  ...VERBS,
  ...OPS_VERBS,
  ...API_ACCESS,
  ...STORAGE_KINDS,
  ...KUSTOMIZE,
  ...STATEFULSET_KINDS,
  ...AUTOSCALING_KINDS,
  ...QUOTA_KINDS,
  ...LIMITRANGE_KINDS,
  ...PDB_KINDS,
];
