/**
 * The differential corpus for the API server's proxy subresources as kubectl reaches them (issue 11,
 * the access-cluster-services page's `/api/v1/namespaces/NS/services/NAME:PORT/proxy/` URLs): pods and
 * Services by name, port number and port name, and the errors of each, as `kubectl get --raw` prints them.
 */
import { files } from './manifests.js';
import type { Scenario } from './scenarios.js';

export const API_ACCESS: Scenario[] = [
  {
    name: 'get --raw through the pods and services proxy subresources, and their errors',
    files,
    steps: [
      'kubectl apply -f pod.yaml',
      'kubectl expose pod web --port=8080 --target-port=80 --name=web',
      'kubectl create service clusterip empty --tcp=81:80',
      'sleep 15',
      'kubectl get --raw /api/v1/namespaces/default/pods/web/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/pods/web:80/proxy/index.html',
      'kubectl get --raw /api/v1/namespaces/default/pods/web:81/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/pods/nope/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/web/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/web:8080/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/http:web:8080/proxy/nope',
      'kubectl get --raw /api/v1/namespaces/default/services/web:9999/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/empty/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/empty:81-80/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/empty:81/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/nope:80/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/services/a:b:c:d/proxy/',
    ],
  },
];
