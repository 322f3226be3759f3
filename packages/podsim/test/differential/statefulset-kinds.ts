/**
 * The differential corpus for StatefulSets (issue 11), after the "StatefulSet Basics" tutorial: ordered
 * pods with their claims (two hand-made volumes stand in for a provisioner), get/describe, rollout
 * status, revisions, scaling, and the validation texts.
 */
import type { Scenario } from './scenarios.js';

const web = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;
const volumes = [0, 1, 2]
  .map((i) => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv${i}\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /mnt/pv${i}\n`)
  .join('---\n');
const bad = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: bad
spec:
  serviceName: x
  selector:
    matchLabels:
      app: a
  podManagementPolicy: Sometimes
  template:
    metadata:
      labels:
        app: b
    spec:
      containers:
      - name: c
        image: nginx
`;

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: logger
spec:
  selector:
    matchLabels:
      app: logger
  template:
    metadata:
      labels:
        app: logger
    spec:
      containers:
      - name: main
        image: busybox:1.36
        command: ['sleep', '3600']
`;

export const STATEFULSET_KINDS: Scenario[] = [
  {
    name: 'statefulset basics',
    files: { 'web.yaml': web, 'pvs.yaml': volumes, 'bad-sts.yaml': bad },
    steps: [
      'kubectl apply -f pvs.yaml',
      'kubectl apply -f web.yaml',
      'kubectl get statefulset web',
      'sleep 60',
      'kubectl get statefulset web',
      'kubectl get sts -o wide',
      'kubectl get pods -l app=nginx',
      'kubectl get pvc -l app=nginx',
      'kubectl rollout status sts web',
      "kubectl exec web-0 -- sh -c 'hostname'",
      'kubectl describe statefulset web',
      'kubectl get controllerrevisions',
      'kubectl rollout history sts web',
      'kubectl rollout undo sts web',
      'kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.27',
      'sleep 60',
      'kubectl rollout history sts/web',
      'kubectl rollout history sts/web --revision=2',
      'kubectl rollout undo sts/web --to-revision=2',
      'kubectl rollout undo sts/web',
      'sleep 60',
      'kubectl rollout history sts/web',
      'kubectl get controllerrevisions',
      'kubectl scale sts web --replicas=3',
      'sleep 30',
      'kubectl get pods -l app=nginx',
      'kubectl scale sts web --replicas=1',
      'sleep 30',
      'kubectl get pods -l app=nginx',
      'kubectl get pvc',
      'kubectl get all',
      'kubectl apply -f bad-sts.yaml',
    ],
  },
  {
    name: 'rollout history, undo and restart of statefulsets and daemonsets',
    files: { 'ds.yaml': daemonSet },
    steps: [
      'kubectl create deployment d --image=nginx',
      'kubectl apply -f ds.yaml',
      'kubectl create service clusterip api --tcp=80:80',
      'sleep 20',
      'kubectl rollout history ds/logger',
      'kubectl set image ds/logger main=busybox:1.37',
      "kubectl annotate ds/logger kubernetes.io/change-cause='image 1.37'",
      'sleep 40',
      'kubectl rollout history ds/logger',
      'kubectl rollout history ds/logger --revision=1',
      'kubectl rollout history ds/logger --revision=7',
      'kubectl rollout history ds/logger --revision=-1',
      'kubectl get controllerrevisions -l app=logger',
      'kubectl rollout undo ds/logger',
      'sleep 40',
      'kubectl rollout history daemonset logger',
      'kubectl rollout undo ds/logger --to-revision=3',
      'kubectl rollout undo ds/logger --to-revision=9',
      'kubectl rollout restart ds/logger',
      'kubectl rollout history svc/api',
      'kubectl rollout undo svc/api',
      'kubectl rollout restart svc/api',
      'kubectl rollout restart deploy/d',
      'kubectl rollout history rs -l app=d',
    ],
  },
];
