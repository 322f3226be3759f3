/**
 * Images the cluster add-ons' release manifests pin (host/addons): minikube's ingress add-on takes
 * them from ingress-nginx's own kind deploy.yaml (minikube pkg/minikube/assets/addons.go, v1.35:
 * controller v1.11.3, kube-webhook-certgen v1.4.4). They exist because the add-on pulls them; the
 * registries' tag catalogue is not needed to resolve them.
 */
export const ADDON_IMAGE_TAGS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['registry.k8s.io/ingress-nginx/controller', new Set(['v1.11.3'])],
  ['registry.k8s.io/ingress-nginx/kube-webhook-certgen', new Set(['v1.4.4'])],
]);
