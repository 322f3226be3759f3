/**
 * The differential corpus for ResourceQuota: the flows of the "Configure Memory and CPU Quotas for a
 * Namespace" and "Configure a Pod Quota for a Namespace" tasks (admission texts, status.used, describe
 * quota and namespace, a Deployment held back by the quota with its ReplicaFailure condition).
 */
import type { Scenario } from './scenarios.js';

const memCpuQuota = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: mem-cpu-demo
spec:
  hard:
    requests.cpu: "1"
    requests.memory: 1Gi
    limits.cpu: "2"
    limits.memory: 2Gi
`;
/** A one-container pod with the given requests and limits (flow-mapping entries). */
export const pod = (name: string, requests: string, limits: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}-ctr
    image: nginx
    resources:
      limits: {${limits}}
      requests: {${requests}}
`;
const podQuota = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: pod-demo
spec:
  hard:
    pods: "2"
    count/configmaps: "3"
`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pod-quota-demo
spec:
  selector:
    matchLabels:
      purpose: quota-demo
  replicas: 3
  template:
    metadata:
      labels:
        purpose: quota-demo
    spec:
      containers:
      - name: pod-quota-demo
        image: nginx
`;

export const QUOTA_KINDS: Scenario[] = [
  {
    name: 'resource quota: requests and limits',
    files: {
      'quota-mem-cpu.yaml': memCpuQuota,
      'pod-1.yaml': pod('quota-mem-cpu-demo', 'memory: 600Mi, cpu: 400m', 'memory: 800Mi, cpu: 800m'),
      'pod-2.yaml': pod('quota-mem-cpu-demo-2', 'memory: 700Mi, cpu: 400m', 'memory: 1Gi, cpu: 800m'),
    },
    steps: [
      'kubectl create namespace quota-mem-cpu-example',
      'kubectl apply -f quota-mem-cpu.yaml --namespace=quota-mem-cpu-example',
      'kubectl get resourcequota mem-cpu-demo --namespace=quota-mem-cpu-example --output=jsonpath={.status}; echo',
      'kubectl run bare --image=nginx -n quota-mem-cpu-example',
      'kubectl apply -f pod-1.yaml --namespace=quota-mem-cpu-example',
      'kubectl apply -f pod-2.yaml --namespace=quota-mem-cpu-example',
      'kubectl describe quota mem-cpu-demo -n quota-mem-cpu-example',
      'kubectl describe namespace quota-mem-cpu-example',
      'kubectl get quota -n quota-mem-cpu-example',
    ],
  },
  {
    name: 'resource quota: pods of a deployment',
    files: { 'quota-pod.yaml': podQuota, 'quota-pod-deployment.yaml': deployment },
    steps: [
      'kubectl create namespace quota-pod-example',
      'kubectl apply -f quota-pod.yaml --namespace=quota-pod-example',
      'kubectl create configmap a --from-literal=k=v -n quota-pod-example',
      'kubectl create configmap b --from-literal=k=v -n quota-pod-example',
      'kubectl apply -f quota-pod-deployment.yaml --namespace=quota-pod-example',
      'sleep 20',
      'kubectl get rs -n quota-pod-example',
      'kubectl get deployment pod-quota-demo -n quota-pod-example -o jsonpath={.status.availableReplicas}{range .status.conditions[*]}{"\\n"}{.type}={.status}/{.reason}{end}; echo',
      'kubectl describe quota -n quota-pod-example',
    ],
  },
];
