/**
 * The differential corpus for kustomize (issue 11): `kubectl kustomize` and the verbs' `-k` against a
 * base and an overlay with generated ConfigMaps and Secrets, whose hashed names the Pods refer to.
 */
import type { Scenario } from './scenarios.js';

const BASE = {
  'kz/base/kustomization.yaml': 'resources:\n- pod.yaml\nconfigMapGenerator:\n- name: settings\n  literals:\n  - LEVEL=info\n',
  'kz/base/pod.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app',
    '  labels:',
    '    app: kz',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    "    command: ['sh', '-c', 'echo $LEVEL; sleep 3600']",
    '    envFrom:',
    '    - configMapRef:',
    '        name: settings',
    '',
  ].join('\n'),
  'kz/dev/kustomization.yaml': [
    'namePrefix: dev-',
    'labels:',
    '- pairs:',
    '    env: dev',
    'resources:',
    '- ../base',
    'configMapGenerator:',
    '- name: settings',
    '  behavior: merge',
    '  literals:',
    '  - LEVEL=debug',
    'secretGenerator:',
    '- name: creds',
    '  literals:',
    '  - password=s3cret',
    'images:',
    '- name: busybox',
    '  newTag: "1.37"',
    '',
  ].join('\n'),
};

export const KUSTOMIZE: Scenario[] = [
  {
    name: 'kustomize: build, apply -k, get -k, describe -k, diff -k, delete -k',
    files: BASE,
    steps: [
      'kubectl kustomize kz/dev',
      'kubectl apply -k kz/dev',
      'sleep 10',
      'kubectl get -k kz/dev',
      'kubectl get -k kz/dev -o name',
      'kubectl get configmaps -l env=dev',
      'kubectl logs dev-app',
      'kubectl describe -k kz/dev',
      'kubectl apply -k kz/dev',
      'kubectl diff -k kz/dev',
      'kubectl apply -f kz/base/pod.yaml -k kz/dev',
      'kubectl delete -k kz/dev',
      'kubectl get -k kz/dev',
    ],
  },
];
