/**
 * The differential corpus for PersistentVolumes, claims and StorageClasses (issue 11), with Ingresses and
 * APIServices: the flow of the
 * "Configure a Pod to Use a PersistentVolume for Storage" task, a claim no volume satisfies, and the
 * validation and deletion texts.
 */
import type { Scenario } from './scenarios.js';

const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
`;
const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
`;
const pod = `apiVersion: v1
kind: Pod
metadata:
  name: task-pv-pod
spec:
  volumes:
    - name: task-pv-storage
      persistentVolumeClaim:
        claimName: task-pv-claim
  containers:
    - name: task-pv-container
      image: nginx
      volumeMounts:
        - mountPath: "/usr/share/nginx/html"
          name: task-pv-storage
`;
const plainClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: plain
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;
const userPod = `apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  volumes:
    - name: d
      persistentVolumeClaim:
        claimName: plain
  containers:
    - name: c
      image: nginx
`;
const badVolume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: bad
spec:
  accessModes: [ReadWriteSometimes]
  capacity:
    storage: 1Gi
`;
const storageClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: slow
provisioner: example.com/slow
volumeBindingMode: WaitForFirstConsumer
`;
const files = { 'pv-volume.yaml': volume, 'pv-claim.yaml': claim, 'pv-pod.yaml': pod, 'plain-claim.yaml': plainClaim, 'user-pod.yaml': userPod, 'bad-pv.yaml': badVolume, 'sc.yaml': storageClass };

const ingressClass = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  labels:
    app.kubernetes.io/component: controller
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
  parameters:
    apiGroup: k8s.example.com
    kind: IngressParameters
    name: external-lb
`;

export const STORAGE_KINDS: Scenario[] = [
  {
    name: 'ingress, ingress classes, api services',
    files: { 'ingressclass.yaml': ingressClass },
    steps: [
      'kubectl create deployment web --image=nginx --replicas=4',
      'kubectl expose deployment web --port=80',
      'kubectl create service clusterip api --tcp=8080:80',
      'kubectl create ingress web --class=nginx --rule=foo.com/*=web:80 --rule=foo.com/api=api:http,tls=cert',
      'kubectl create ingress all --default-backend=web:80',
      'kubectl apply -f ingressclass.yaml',
      'sleep 20',
      'kubectl describe ingress web',
      'kubectl describe ingress all',
      'kubectl describe ingressclass nginx',
      'kubectl describe svc web',
      'kubectl describe svc api',
      'kubectl get ingress',
      'kubectl get ing web -o wide',
      'kubectl get ingress web -o yaml',
      'kubectl create ingress bad --rule=foo.com=web:80',
      'kubectl get ingressclass',
      'kubectl get apiservices',
      'kubectl get apiservice v1.apps -o yaml',
    ],
  },
  {
    name: 'persistent volume task',
    files,
    steps: [
      'kubectl apply -f pv-volume.yaml',
      'sleep 2',
      'kubectl get pv task-pv-volume',
      'kubectl apply -f pv-claim.yaml',
      'sleep 2',
      'kubectl get pv task-pv-volume',
      'kubectl get pvc task-pv-claim',
      'kubectl apply -f pv-pod.yaml',
      'sleep 20',
      'kubectl get pod task-pv-pod',
      "kubectl exec task-pv-pod -- sh -c 'echo Hello from Kubernetes storage > /usr/share/nginx/html/index.html'",
      'kubectl exec task-pv-pod -- cat /usr/share/nginx/html/index.html',
      'kubectl describe pv task-pv-volume',
      'kubectl describe pvc task-pv-claim',
      'kubectl get pv,pvc -o wide',
      'kubectl get pv task-pv-volume -o yaml',
      'kubectl delete pod task-pv-pod --grace-period=1',
      'kubectl delete pvc task-pv-claim',
      'sleep 2',
      'kubectl get pv',
      'kubectl describe pv task-pv-volume',
      'kubectl delete pv task-pv-volume',
      'kubectl get pv',
    ],
  },
  {
    name: 'claim without a volume, storage classes, errors',
    files,
    steps: [
      'kubectl apply -f plain-claim.yaml',
      'kubectl apply -f user-pod.yaml',
      'sleep 40',
      'kubectl get pvc',
      'kubectl describe pvc plain',
      'kubectl get pod user',
      'kubectl get events --field-selector involvedObject.name=user',
      'kubectl get sc',
      'kubectl apply -f sc.yaml',
      'kubectl get sc',
      'kubectl describe sc slow',
      'kubectl get storageclass slow -o yaml',
      'kubectl apply -f bad-pv.yaml',
      'kubectl get pvc plain -o yaml',
      'kubectl api-resources --api-group=storage.k8s.io',
      'kubectl explain pv.spec.persistentVolumeReclaimPolicy',
    ],
  },
];
