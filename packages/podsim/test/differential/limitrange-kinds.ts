/**
 * The differential corpus for LimitRange and `create quota`: the flows of the manage-resources tasks ("Configure
 * Default Memory Requests and Limits", "Minimum and Maximum CPU Constraints" for a namespace): the stored range after
 * the API server's defaulting, get/describe of ranges and of the namespace, pods filled with the defaults or refused
 * by the bounds, an inconsistent range refused, and quotas made by `kubectl create quota`.
 */
import { pod } from './quota-kinds.js';
import type { Scenario } from './scenarios.js';

const defaults = `apiVersion: v1
kind: LimitRange
metadata:
  name: mem-limit-range
spec:
  limits:
  - default:
      memory: 512Mi
    defaultRequest:
      memory: 256Mi
    type: Container
`;
const constraints = `apiVersion: v1
kind: LimitRange
metadata:
  name: cpu-min-max-demo-lr
spec:
  limits:
  - max:
      cpu: "800m"
    min:
      cpu: "200m"
    type: Container
  - max:
      memory: 2Gi
    type: Pod
`;
const badRange = `apiVersion: v1
kind: LimitRange
metadata:
  name: bad
spec:
  limits:
  - type: Container
    max:
      cpu: "1"
    default:
      cpu: "2"
`;
export const LIMITRANGE_KINDS: Scenario[] = [
  {
    name: 'limit range: defaults',
    files: { 'memory-defaults.yaml': defaults, 'pod-3.yaml': pod('default-mem-demo-3', 'memory: 128Mi', '') },
    steps: [
      'kubectl create namespace default-mem-example',
      'kubectl apply -f memory-defaults.yaml --namespace=default-mem-example',
      'kubectl get limitrange -n default-mem-example',
      'kubectl run default-mem-demo --image=nginx -n default-mem-example',
      'kubectl apply -f pod-3.yaml --namespace=default-mem-example',
      'kubectl get pod default-mem-demo -n default-mem-example -o jsonpath={.metadata.annotations}{"\\n"}{.spec.containers[0].resources}; echo',
      'kubectl get pod default-mem-demo-3 -n default-mem-example -o jsonpath={.spec.containers[0].resources}; echo',
      'kubectl describe limitrange mem-limit-range -n default-mem-example',
    ],
  },
  {
    name: 'limit range: constraints',
    files: {
      'cpu-constraints.yaml': constraints,
      'bad.yaml': badRange,
      'pod-2.yaml': pod('constraints-cpu-demo-2', 'cpu: 500m', 'cpu: "1.5"'),
      'pod-3.yaml': pod('constraints-cpu-demo-3', 'cpu: 100m', 'cpu: 800m, memory: 3Gi'),
    },
    steps: [
      'kubectl create namespace constraints-cpu-example',
      'kubectl apply -f cpu-constraints.yaml --namespace=constraints-cpu-example',
      'kubectl get limitrange cpu-min-max-demo-lr --output=yaml --namespace=constraints-cpu-example',
      'kubectl apply -f pod-2.yaml --namespace=constraints-cpu-example',
      'kubectl apply -f pod-3.yaml --namespace=constraints-cpu-example',
      'kubectl run fits --image=nginx -n constraints-cpu-example',
      'kubectl get pod fits -n constraints-cpu-example -o jsonpath={.spec.containers[0].resources}; echo',
      'kubectl describe limits -n constraints-cpu-example',
      'kubectl describe namespace constraints-cpu-example',
      'kubectl apply -f bad.yaml --namespace=constraints-cpu-example',
    ],
  },
  {
    name: 'create quota',
    steps: [
      'kubectl create namespace quota-example',
      'kubectl create quota object-counts --hard=pods=2,configmaps=3,services=1 -n quota-example',
      'kubectl create quota best-effort --hard=pods=10 --scopes=BestEffort -n quota-example',
      'kubectl create quota object-counts --hard=pods=1 -n quota-example',
      'kubectl create quota bad --hard=pods -n quota-example',
      'sleep 2',
      'kubectl get quota -n quota-example',
      'kubectl describe quota best-effort -n quota-example',
      'kubectl create quota q --hard=pods=1 --dry-run=server -o yaml -n quota-example',
    ],
  },
];
