/**
 * The differential corpus for PodDisruptionBudget: the "Specifying a Disruption Budget" task's objects
 * (get/describe/-o yaml of budgets by minAvailable, maxUnavailable and percentage over a Deployment),
 * `kubectl create pdb` with its Validate errors, and a drain that a budget holds back until --timeout.
 */
import type { Scenario } from './scenarios.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: zk
spec:
  replicas: 3
  selector:
    matchLabels:
      app: zookeeper
  template:
    metadata:
      labels:
        app: zookeeper
    spec:
      containers:
      - name: nginx
        image: nginx
`;
const budget = (bound: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
  ${bound}
  selector:
    matchLabels:
      app: zookeeper
`;

export const PDB_KINDS: Scenario[] = [
  {
    name: 'pod disruption budget: status over a deployment',
    files: { 'zk.yaml': deployment, 'mypdb.yaml': budget('minAvailable: 2'), 'maxpdb.yaml': budget('maxUnavailable: 1') },
    steps: [
      'kubectl apply -f mypdb.yaml',
      'kubectl get poddisruptionbudgets',
      'kubectl apply -f zk.yaml',
      'sleep 20',
      'kubectl get poddisruptionbudgets',
      'kubectl get poddisruptionbudgets zk-pdb -o jsonpath={.status.currentHealthy}/{.status.desiredHealthy}/{.status.disruptionsAllowed}/{.status.expectedPods}/{.status.conditions[0].reason}; echo',
      'kubectl describe pdb zk-pdb',
      'kubectl apply -f maxpdb.yaml',
      'kubectl create pdb half --selector=app=zookeeper --min-available=50%',
      'sleep 5',
      'kubectl get pdb',
      'kubectl describe pdb half',
    ],
  },
  {
    name: 'pod disruption budget: kubectl create pdb',
    steps: [
      'kubectl create pdb z',
      'kubectl create pdb z --selector=a=b',
      'kubectl create pdb z --selector=a=b --min-available=1 --max-unavailable=1',
      'kubectl create pdb z --selector=a=b --min-available=abc',
      'kubectl create pdb z --selector=app!=b --max-unavailable=1',
      'kubectl create poddisruptionbudget my-pdb --selector=app=nginx --min-available=50% -o yaml --dry-run=client',
      "kubectl create pdb sets --selector='x in (b,a),!c,d' --max-unavailable=2 -o yaml --dry-run=client",
      'kubectl create pdb my-pdb --selector=app=nginx --min-available=1',
      'kubectl get pdb my-pdb',
    ],
  },
  {
    name: 'pod disruption budget: drain held back',
    files: { 'zk.yaml': deployment },
    steps: [
      'kubectl apply -f zk.yaml',
      'kubectl create pdb all --selector=app=zookeeper --min-available=3',
      'sleep 20',
      'kubectl drain node01 --ignore-daemonsets --timeout=12s',
      'kubectl uncordon node01',
    ],
  },
];
