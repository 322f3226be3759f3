/**
 * The proxy subresources and RBAC as a reader meets them. Expected texts: ResourceLocation's errors in
 * kubernetes pkg/registry/core/service/storage/storage.go (`no service port %d found for service %q`,
 * `no endpoints available for service %q`) and pod/strategy.go; util/net SplitSchemeNamePort's accepted
 * forms; the proxy handler's `error trying to reach service: dial tcp …: connect: connection refused`;
 * apimachinery NewGenericServerResponse's message for a 404 whose body is no Status; kubectl's
 * clusterinfo.go link format; the RBAC forbidden text (responsewriters forbiddenMessage) and the
 * bootstrap policy (view reads pods but not secrets; discovery for every authenticated user).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

async function withWeb(): Promise<Sandbox> {
  const sb = new Sandbox();
  await sb.run('kubectl run web --image=nginx --port=80 --labels=app=web');
  await sb.run('kubectl expose pod web --port=8080 --target-port=80 --name=web');
  await sb.run('kubectl create service clusterip empty --tcp=81:80');
  sb.advance(30_000);
  return sb;
}

const raw = (sb: Sandbox, path: string) => sb.run(`kubectl get --raw ${path}`);

describe('pods and services proxy subresources', () => {
  it('reach the pod, by the pod or by a Service port number, name or none', async () => {
    const sb = await withWeb();
    for (const id of ['pods/web', 'pods/web:80', 'services/web', 'services/web:8080', 'services/http:web:8080']) {
      const r = await raw(sb, `/api/v1/namespaces/default/${id}/proxy/`);
      expect(r.exitCode).toBe(0);
      expect(r.output).toContain('<title>Welcome to nginx!</title>');
    }
    // The rest of the path and the query go to the backend; nginx's own 404 page is no Status.
    expect(await raw(sb, '/api/v1/namespaces/default/services/web/proxy/nope?x=1')).toEqual({ output: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 });
  });

  it('refuse as ResourceLocation does', async () => {
    const sb = await withWeb();
    const cases: [string, string][] = [
      ['services/web:9999', 'Error from server (ServiceUnavailable): no service port 9999 found for service "web"'],
      ['services/empty', 'Error from server (ServiceUnavailable): no endpoints available for service "empty"'],
      ['services/empty:81-80', 'Error from server (ServiceUnavailable): no endpoints available for service "empty"'],
      ['services/nope:80', 'Error from server (NotFound): services "nope" not found'],
      ['services/a:b:c:d', 'Error from server (BadRequest): invalid service request "a:b:c:d"'],
      ['pods/nope', 'Error from server (NotFound): pods "nope" not found'],
    ];
    for (const [id, text] of cases) expect(await raw(sb, `/api/v1/namespaces/default/${id}/proxy/`)).toEqual({ output: `${text}\n`, exitCode: 1 });
    const refused = await raw(sb, '/api/v1/namespaces/default/pods/web:81/proxy/');
    expect(refused.output).toMatch(/^Error from server \(ServiceUnavailable\): error trying to reach service: dial tcp 10\.244\.\d+\.\d+:81: connect: connection refused\n$/);
  });

  it('are served by kubectl proxy to curl, Status objects indented for it', async () => {
    const sb = await withWeb();
    sb.runLine('kubectl proxy &', 100);
    expect((await sb.run('curl -s localhost:8001/api/v1/namespaces/default/services/web:8080/proxy/')).output).toContain('Welcome to nginx!');
    expect((await sb.run('curl -s localhost:8001/api/v1/namespaces/default/services/empty/proxy/')).output).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "no endpoints available for service \\"empty\\"",\n  "reason": "ServiceUnavailable",\n  "code": 503\n}',
    );
  });
});

describe('RBAC for service account tokens', () => {
  it('gives the default account discovery only, and what a binding adds', async () => {
    const sb = await withWeb();
    await sb.run('T=$(kubectl create token default)');
    const get = async (path: string) => JSON.parse((await sb.run(`curl -sk https://controlplane:6443${path} -H "Authorization: Bearer $T"`)).output) as { kind: string; message?: string };
    expect((await get('/api/v1/namespaces/default/pods')).message).toBe('pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"');
    expect((await get('/apis/apps/v1/namespaces/default/deployments/x')).message).toBe('deployments.apps "x" is forbidden: User "system:serviceaccount:default:default" cannot get resource "deployments" in API group "apps" in the namespace "default"');
    expect((await get('/api/v1/nodes')).message).toBe('nodes is forbidden: User "system:serviceaccount:default:default" cannot list resource "nodes" in API group "" at the cluster scope');
    expect((await get('/api/v1/namespaces/default/services/web/proxy/')).message).toBe('services "web" is forbidden: User "system:serviceaccount:default:default" cannot get resource "services/proxy" in API group "" in the namespace "default"');
    expect((await get('/apis')).kind).toBe('APIGroupList');
    await sb.run('kubectl apply -f - <<EOF\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: default-view\nsubjects:\n- kind: ServiceAccount\n  name: default\n  namespace: default\nroleRef:\n  kind: ClusterRole\n  name: view\n  apiGroup: rbac.authorization.k8s.io\nEOF');
    expect((await get('/api/v1/namespaces/default/pods')).kind).toBe('PodList');
    expect((await get('/api/v1/namespaces/default/secrets')).message).toBe('secrets is forbidden: User "system:serviceaccount:default:default" cannot list resource "secrets" in API group "" in the namespace "default"');
    // A RoleBinding grants in its own namespace only.
    expect((await get('/api/v1/namespaces/kube-system/pods')).message).toMatch(/cannot list resource "pods" in API group "" in the namespace "kube-system"$/);
    await sb.run('kubectl apply -f - <<EOF\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: secret-reader\nrules:\n- apiGroups: [""]\n  resources: ["secrets"]\n  resourceNames: ["allowed"]\n  verbs: ["get"]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read-one\nsubjects:\n- kind: Group\n  name: system:serviceaccounts\nroleRef:\n  kind: Role\n  name: secret-reader\n  apiGroup: rbac.authorization.k8s.io\nEOF');
    await sb.run('kubectl create secret generic allowed --from-literal=a=b');
    expect((await get('/api/v1/namespaces/default/secrets/allowed')).kind).toBe('Secret');
    expect((await get('/api/v1/namespaces/default/secrets')).message).toMatch(/cannot list resource "secrets"/);
    await sb.run('kubectl apply -f - <<EOF\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: default-admin\nsubjects:\n- kind: ServiceAccount\n  name: default\n  namespace: default\nroleRef:\n  kind: ClusterRole\n  name: cluster-admin\n  apiGroup: rbac.authorization.k8s.io\nEOF');
    expect((await get('/api/v1/nodes')).kind).toBe('NodeList');
    expect((await sb.run('curl -sk https://controlplane:6443/api/v1/namespaces/default/services/web/proxy/ -H "Authorization: Bearer $T"')).output).toContain('Welcome to nginx!');
  });
});

describe('kubectl cluster-info', () => {
  it('lists the cluster services of the namespace, in the order the API lists them, as clusterinfo.go links them', async () => {
    const sb = new Sandbox();
    await sb.run(
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: dash\n  namespace: kube-system\n  labels:\n    kubernetes.io/cluster-service: "true"\nspec:\n  selector:\n    app: dash\n  ports:\n  - port: 443\n    targetPort: 8443\nEOF',
    );
    expect((await sb.run('kubectl cluster-info')).output).toBe(
      'Kubernetes control plane is running at https://controlplane:6443\n' +
        'dash is running at https://controlplane:6443/api/v1/namespaces/kube-system/services/https:dash:/proxy\n' +
        'CoreDNS is running at https://controlplane:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    expect((await sb.run('kubectl cluster-info -n default')).output).toBe("Kubernetes control plane is running at https://controlplane:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  });
});
