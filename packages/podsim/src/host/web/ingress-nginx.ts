/**
 * minikube's ingress add-on (deploy/addons/ingress/ingress-deploy.yaml.tmpl, rendered for networking.k8s.io/v1,
 * images from pkg/minikube/assets/addons.go of minikube v1.35: ingress-nginx controller v1.11.3 and
 * kube-webhook-certgen v1.4.4, referenced here by tag). The controller takes hostPorts 80 and 443 on
 * its node; the admission Jobs make the webhook's certificate Secret the controller mounts.
 */
const labels = (indent: number) => ['app.kubernetes.io/name: ingress-nginx', 'app.kubernetes.io/instance: ingress-nginx'].map((l) => ' '.repeat(indent) + l).join('\n');
const POD_NAMESPACE = `          env:
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace`;

/** kube-webhook-certgen's two admission Jobs differ only in their name, container and arguments. */
const certgenJob = (step: 'create' | 'patch', args: string[]) => `---
apiVersion: batch/v1
kind: Job
metadata:
  name: ingress-nginx-admission-${step}
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
spec:
  template:
    metadata:
      name: ingress-nginx-admission-${step}
      labels:
${labels(8)}
        app.kubernetes.io/component: admission-webhook
    spec:
      containers:
        - name: ${step}
          image: registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4
          imagePullPolicy: IfNotPresent
          args:
            - ${step}
${args.map((a) => `            - ${a}`).join('\n')}
${POD_NAMESPACE}
      restartPolicy: OnFailure
      serviceAccountName: ingress-nginx-admission
      securityContext:
        runAsNonRoot: true
        runAsUser: 2000
`;
export const INGRESS_NGINX_DEPLOY = `apiVersion: v1
kind: Namespace
metadata:
  name: ingress-nginx
  labels:
${labels(4)}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx
  namespace: ingress-nginx
automountServiceAccountToken: true
---
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx-controller
  namespace: ingress-nginx
data:
  hsts: "false"
  allow-snippet-annotations: 'true'
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: tcp-services
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: udp-services
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels:
${labels(4)}
  name: ingress-nginx
rules:
  - apiGroups: ['']
    resources: [configmaps, endpoints, nodes, pods, secrets]
    verbs: [list, watch]
  - apiGroups: ['']
    resources: [nodes]
    verbs: [get]
  - apiGroups: ['']
    resources: [services]
    verbs: [get, list, watch]
  - apiGroups: [networking.k8s.io]
    resources: [ingresses]
    verbs: [get, list, watch]
  - apiGroups: ['']
    resources: [events]
    verbs: [create, patch]
  - apiGroups: [networking.k8s.io]
    resources: [ingresses/status]
    verbs: [update]
  - apiGroups: [networking.k8s.io]
    resources: [ingressclasses]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  labels:
${labels(4)}
  name: ingress-nginx
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ingress-nginx
subjects:
  - kind: ServiceAccount
    name: ingress-nginx
    namespace: ingress-nginx
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx
  namespace: ingress-nginx
rules:
  - apiGroups: ['']
    resources: [namespaces]
    verbs: [get]
  - apiGroups: ['']
    resources: [configmaps, pods, secrets, endpoints]
    verbs: [get, list, watch]
  - apiGroups: ['']
    resources: [services]
    verbs: [get, list, watch]
  - apiGroups: [networking.k8s.io]
    resources: [ingresses]
    verbs: [get, list, watch]
  - apiGroups: [networking.k8s.io]
    resources: [ingresses/status]
    verbs: [update]
  - apiGroups: [networking.k8s.io]
    resources: [ingressclasses]
    verbs: [get, list, watch]
  - apiGroups: ['']
    resources: [configmaps]
    resourceNames: [ingress-controller-leader]
    verbs: [get, update]
  - apiGroups: ['']
    resources: [configmaps]
    verbs: [create]
  - apiGroups: ['']
    resources: [events]
    verbs: [create, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx
  namespace: ingress-nginx
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ingress-nginx
subjects:
  - kind: ServiceAccount
    name: ingress-nginx
    namespace: ingress-nginx
---
apiVersion: v1
kind: Service
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx-controller-admission
  namespace: ingress-nginx
spec:
  type: ClusterIP
  ports:
    - name: https-webhook
      port: 443
      targetPort: webhook
      appProtocol: https
  selector:
${labels(4)}
    app.kubernetes.io/component: controller
---
apiVersion: v1
kind: Service
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  type: NodePort
  ports:
    - name: http
      port: 80
      protocol: TCP
      targetPort: http
      appProtocol: http
    - name: https
      port: 443
      protocol: TCP
      targetPort: https
      appProtocol: https
  selector:
${labels(4)}
    app.kubernetes.io/component: controller
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  selector:
    matchLabels:
${labels(6)}
      app.kubernetes.io/component: controller
  revisionHistoryLimit: 10
  minReadySeconds: 0
  template:
    metadata:
      labels:
${labels(8)}
        app.kubernetes.io/component: controller
        gcp-auth-skip-secret: "true"
    spec:
      dnsPolicy: ClusterFirst
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.11.3
          imagePullPolicy: IfNotPresent
          lifecycle:
            preStop:
              exec:
                command:
                  - /wait-shutdown
          args:
            - /nginx-ingress-controller
            - --election-id=ingress-controller-leader
            - --controller-class=k8s.io/ingress-nginx
            - --configmap=$(POD_NAMESPACE)/ingress-nginx-controller
            - --report-node-internal-ip-address
            - --tcp-services-configmap=$(POD_NAMESPACE)/tcp-services
            - --udp-services-configmap=$(POD_NAMESPACE)/udp-services
            - --validating-webhook=:8443
            - --validating-webhook-certificate=/usr/local/certificates/cert
            - --validating-webhook-key=/usr/local/certificates/key
          securityContext:
            capabilities:
              drop:
                - ALL
              add:
                - NET_BIND_SERVICE
            runAsUser: 101
            allowPrivilegeEscalation: true
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            - name: LD_PRELOAD
              value: /usr/local/lib/libmimalloc.so
          livenessProbe:
            failureThreshold: 5
            httpGet:
              path: /healthz
              port: 10254
              scheme: HTTP
            initialDelaySeconds: 10
            periodSeconds: 10
            successThreshold: 1
            timeoutSeconds: 1
          readinessProbe:
            failureThreshold: 3
            httpGet:
              path: /healthz
              port: 10254
              scheme: HTTP
            initialDelaySeconds: 10
            periodSeconds: 10
            successThreshold: 1
            timeoutSeconds: 1
          ports:
            - name: http
              containerPort: 80
              protocol: TCP
              hostPort: 80
            - name: https
              containerPort: 443
              protocol: TCP
              hostPort: 443
            - name: webhook
              containerPort: 8443
              protocol: TCP
          volumeMounts:
            - name: webhook-cert
              mountPath: /usr/local/certificates/
              readOnly: true
          resources:
            requests:
              cpu: 100m
              memory: 90Mi
      serviceAccountName: ingress-nginx
      volumes:
        - name: webhook-cert
          secret:
            secretName: ingress-nginx-admission
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  labels:
${labels(4)}
    app.kubernetes.io/component: controller
  name: nginx
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ingress-nginx-admission
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ingress-nginx-admission
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [validatingwebhookconfigurations]
    verbs: [get, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ingress-nginx-admission
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ingress-nginx-admission
subjects:
  - kind: ServiceAccount
    name: ingress-nginx-admission
    namespace: ingress-nginx
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ingress-nginx-admission
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
rules:
  - apiGroups: ['']
    resources: [secrets]
    verbs: [get, create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ingress-nginx-admission
  namespace: ingress-nginx
  labels:
${labels(4)}
    app.kubernetes.io/component: admission-webhook
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ingress-nginx-admission
subjects:
  - kind: ServiceAccount
    name: ingress-nginx-admission
    namespace: ingress-nginx
${certgenJob('create', ['--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission'])}${certgenJob('patch', ['--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail'])}`;
