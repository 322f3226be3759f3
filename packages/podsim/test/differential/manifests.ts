/** The manifests the differential corpus applies, and step helpers that start from them. */

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
    tier: front
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
`;

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo main started; sleep 3600"]
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side says hi; sleep 3600"]
`;

/** A one-container pod manifest; `extra` is more YAML for the container (indented 4). */
const onePod = (name: string, image: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n${extra}`;

const CRASH = onePod('crash', 'busybox', '    command: ["sh", "-c", "echo starting; sleep 2; exit 1"]\n');
const UNKNOWN_FIELD = onePod('typo', 'nginx', '    imagePullPolicyy: Always\n');
const INVALID = onePod('Bad_Name', 'nginx');
/** Never scheduled: no node has this label. */
const PENDING = onePod('pending', 'nginx').replace('spec:\n', 'spec:\n  nodeSelector:\n    disk: none\n');

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`;

export const files = { 'pod.yaml': POD, 'two.yaml': TWO, 'crash.yaml': CRASH, 'typo.yaml': UNKNOWN_FIELD, 'invalid.yaml': INVALID, 'deploy.yaml': DEPLOY, 'pending.yaml': PENDING };

export const withPod = (...steps: string[]): string[] => ['kubectl apply -f pod.yaml', 'sleep 10', ...steps];
export const withDeploy = (...steps: string[]): string[] => ['kubectl apply -f deploy.yaml', 'sleep 15', ...steps];

