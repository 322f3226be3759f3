/**
 * The differential corpus for HorizontalPodAutoscalers (issue 11): `kubectl autoscale` and its
 * client-side errors, `get hpa` and `describe hpa` before and after the controller's first syncs
 * (no metrics-server: `<unknown>` targets and the failing conditions), and autoscaling/v1 and v2
 * manifests, as the docs' ReplicaSet page and HPA walkthrough write them. A missing --max is left to
 * the unit tests: the oracle here may be the dispatcher build, which logs it through klog.
 */
import { files, withDeploy } from './manifests.js';
import type { Scenario } from './scenarios.js';

/** kubernetes/website content/en/examples/controllers/hpa-rs.yaml (no apiVersion in scaleTargetRef). */
const hpaRs = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: frontend-scaler
spec:
  scaleTargetRef:
    kind: ReplicaSet
    name: frontend
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
`;

const hpaV2 = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-v2
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 4
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 60
  - type: Resource
    resource:
      name: memory
      target:
        type: AverageValue
        averageValue: 100Mi
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
`;

const badHpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: bad
spec:
  scaleTargetRef:
    kind: Deployment
    name: web
  minReplicas: 0
  maxReplicas: 0
`;

export const AUTOSCALING_KINDS: Scenario[] = [
  {
    name: 'autoscale, its output formats and errors',
    files,
    steps: withDeploy(
      'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=50 --dry-run=client -o yaml',
      'kubectl autoscale deployment/web --max=3 --dry-run=client -o json',
      'kubectl autoscale deployment web --max=3 --dry-run=client',
      'kubectl autoscale deployment web --max=4 --cpu-percent=70',
      'kubectl autoscale deployment web --max=4 --name=other -o name',
      'kubectl autoscale deployment web --max=4',
      'kubectl autoscale deployment web --min=5 --max=2',
      'kubectl autoscale deployment web --max=0',
      'kubectl autoscale --max=3',
      'kubectl autoscale deployment nope --max=3',
      'kubectl autoscale web --max=3',
      'kubectl autoscale deployment web --max=3 --cpu-percent=0 --name=zero',
      'kubectl autoscale svc kubernetes --max=3',
      'kubectl autoscale deployment web --max=3 --dry-run=bogus',
      'kubectl get hpa',
    ),
  },
  {
    name: 'get and describe hpa without metrics-server',
    files,
    steps: withDeploy(
      'kubectl autoscale deployment web --min=1 --max=4 --cpu-percent=50',
      'kubectl get hpa',
      'kubectl describe hpa web',
      'sleep 35',
      'kubectl get hpa web',
      'kubectl get hpa -o wide',
      'kubectl describe hpa web',
      'kubectl get hpa web -o yaml',
      'kubectl get hpa.v1.autoscaling web -o jsonpath={.apiVersion}; echo',
      'kubectl get all',
    ),
  },
  {
    name: 'hpa manifests: autoscaling/v1 and v2, behavior, limits, validation',
    files: { ...files, 'hpa-rs.yaml': hpaRs, 'hpa-v2.yaml': hpaV2, 'bad-hpa.yaml': badHpa },
    steps: withDeploy(
      'kubectl apply -f hpa-rs.yaml',
      'kubectl apply -f hpa-v2.yaml',
      'kubectl create -f bad-hpa.yaml',
      'kubectl apply -f hpa-rs.yaml',
      'sleep 20',
      'kubectl get hpa',
      'kubectl describe hpa frontend-scaler',
      'kubectl describe hpa web-v2',
      'kubectl get hpa web-v2 -o yaml',
      'kubectl get deploy web',
      'kubectl delete hpa frontend-scaler web-v2',
    ),
  },
];
