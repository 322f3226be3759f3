/** The smaller verbs: version, api-resources, config, top, label/annotate, explain, edit, wait, events, describe, delete errors. */
import { describe, expect, it } from 'vitest';
import { hostWithServer, hostWithoutCluster } from '../testing.js';

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

describe('kubectl version, api-resources, config, top, cluster-info', () => {
  it('version', () => {
    const host = hostWithoutCluster();
    expect(host.run(['version']).stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
    expect(host.run(['version', '--client']).stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    expect(host.run(['version', '--client', '-o', 'json']).stdout).toMatch(/^\{\n {2}"clientVersion": \{\n {4}"major": "1",\n {4}"minor": "32",\n {4}"gitVersion": "v1.32.4",/);
  });

  it('api-resources', () => {
    const { host } = hostWithServer();
    const out = host.run(['api-resources']).stdout.split('\n');
    expect(out[0]).toBe('NAME                       SHORTNAMES   APIVERSION                     NAMESPACED   KIND');
    expect(out).toContain('pods                       po           v1                             true         Pod');
    expect(out).toContain('horizontalpodautoscalers   hpa          autoscaling/v2                 true         HorizontalPodAutoscaler');
    expect(out).toContain('deployments                deploy       apps/v1                        true         Deployment');
    expect(host.run(['api-resources', '--namespaced=false', '-o', 'name']).stdout).toBe('namespaces\nnodes\npersistentvolumes\napiservices.apiregistration.k8s.io\ningressclasses.networking.k8s.io\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\nstorageclasses.storage.k8s.io\n');
  });

  it('config and cluster-info', () => {
    const { host } = hostWithServer();
    expect(host.run(['config', 'current-context']).stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(host.run(['config', 'get-contexts']).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
    expect(host.run(['config', 'set-context', '--current', '--namespace=dev']).stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(host.run(['get', 'pods']).stderr).toBe('No resources found in dev namespace.\n');
    expect(host.run(['config', 'view']).stdout).toContain('    namespace: dev\n');
    expect(host.run(['cluster-info']).stdout).toBe("Kubernetes control plane is running at https://controlplane:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  });

  it('top has no metrics', () => {
    const { host } = hostWithServer();
    expect(host.run(['top', 'pod'])).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics API not available\n' });
    expect(host.run(['top']).stdout).toContain('Available Commands:\n  node   ');
  });
});

describe('kubectl label / annotate', () => {
  it('adds, refuses to overwrite without --overwrite, removes', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web', { app: 'web' }));
    expect(host.run(['label', 'pod', 'web', 'tier=front']).stdout).toBe('pod/web labeled\n');
    expect(host.run(['label', 'pod', 'web', 'app=other'])).toEqual({ code: 1, stdout: '', stderr: "error: 'app' already has a value (web), and --overwrite is false\n" });
    expect(host.run(['label', 'pod/web', 'app=other', '--overwrite']).stdout).toBe('pod/web labeled\n');
    expect(host.run(['label', 'pod', 'web', 'tier-']).stdout).toBe('pod/web unlabeled\n');
    const p = api.get('pods', 'default', 'web');
    expect(p.ok && p.value.metadata.labels).toEqual({ app: 'other' });
    expect(host.run(['label', 'pod', 'web']).stderr).toBe('error: at least one label update is required\n');
    expect(host.run(['annotate', 'pod', 'web', 'note=hi']).stdout).toBe('pod/web annotated\n');
    expect(host.run(['annotate', 'pod', 'web']).stderr).toBe('error: at least one annotation update is required\n');
    expect(host.run(['label', 'pod', 'nope', 'a=b']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl explain', () => {
  it('prints a field with its enum like kubectl 1.32', () => {
    const host = hostWithoutCluster();
    expect(host.run(['explain', 'pods.spec.restartPolicy']).stdout).toBe(`KIND:       Pod
VERSION:    v1

FIELD: restartPolicy <string>
ENUM:
    Always
    Never
    OnFailure

DESCRIPTION:
    Restart policy for all containers within the pod. One of Always, OnFailure,
    Never. In some contexts, only a subset of those values may be permitted.
    Default to Always. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    
    Possible enum values:
     - \`"Always"\`
     - \`"Never"\`
     - \`"OnFailure"\`
    

`);
  });

  it('leaves an empty line for a missing ENUM block, like kubectl 1.32', () => {
    const host = hostWithoutCluster();
    expect(host.run(['explain', 'deployment.spec.replicas']).stdout).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>


DESCRIPTION:
    Number of desired pods. This is a pointer to distinguish between explicit
    zero and not specified. Defaults to 1.
    

`);
  });

  it('lists fields, recurses, and reports unknown fields and types', () => {
    const host = hostWithoutCluster();
    const pods = host.run(['explain', 'pods']).stdout;
    expect(pods).toContain('\nFIELDS:\n  apiVersion\t<string>\n    APIVersion defines the versioned schema');
    expect(pods).toContain('  spec\t<PodSpec>\n    Specification of the desired behavior of the pod.');
    expect(host.run(['explain', 'deployment.spec', '--recursive']).stdout).toContain('  template\t<PodTemplateSpec> -required-\n    metadata\t<ObjectMeta>\n');
    expect(host.run(['explain', 'deploy']).stdout.split('\n').slice(0, 4)).toEqual(['GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1', '']);
    expect(host.run(['explain', 'pods.spec.foo'])).toEqual({ code: 1, stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: 'error: field "foo" does not exist\n' });
    expect(host.run(['explain', 'foo']).stderr).toBe('the server doesn\'t have a resource type "foo"\n');
    expect(host.run(['explain']).stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  });
});

describe('kubectl edit', () => {
  it('opens the object in the editor and patches what was saved', () => {
    const { host, api, clock } = hostWithServer();
    api.create('pods', 'default', pod('web', { app: 'web' }));
    const run = host.start(['edit', 'pod/web']);
    const req = host.editorRequests[0];
    expect(req.mode).toBe('edit');
    const text = host.fs.readFile(req.path);
    expect(text).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
    host.fs.writeFile(req.path, text.replace('app: web', 'app: edited'));
    req.done.resolve({ saved: true });
    clock.flush();
    expect(run.out.text).toBe('pod/web edited\n');
    const p = api.get('pods', 'default', 'web');
    expect(p.ok && p.value.metadata.labels).toEqual({ app: 'edited' });
    const again = host.start(['edit', 'pod', 'web']);
    host.editorRequests[1].done.resolve({ saved: false });
    clock.flush();
    expect(again.out.text).toBe('Edit cancelled, no changes made.\n');
  });
});

describe('kubectl wait, events, describe and delete errors', () => {
  it('wait times out in virtual time', () => {
    const { host } = hostWithServer();
    const { host: h2, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    const r = h2.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=5s']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: timed out waiting for the condition on pods/web\n' });
    expect(host.run(['wait', '--for=bogus', 'pod/web']).stderr).toBe('error: unrecognized condition: "bogus"\n');
    expect(h2.run(['wait', '--for=delete', 'pod/web', '--timeout=1s']).code).toBe(1);
  });

  it('events with none', () => {
    const { host } = hostWithServer();
    expect(host.run(['events']).stderr).toBe('No events found in default namespace.\n');
  });

  it('describe errors and prefix matching', () => {
    const { host, api } = hostWithServer();
    expect(host.run(['describe']).stderr).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(host.run(['describe', 'pod', 'nope']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    api.create('pods', 'default', pod('web-1'));
    api.create('pods', 'default', pod('web-2'));
    const r = host.run(['describe', 'pod', 'web']);
    expect(r.stdout.match(/^Name: +web-\d$/gm)).toEqual(['Name:             web-1', 'Name:             web-2']);
    const all = host.run(['describe', 'pods']).stdout;
    expect(all).toContain('\n\n\nName:             web-2\n');
  });

  it('delete argument errors', () => {
    const { host } = hostWithServer();
    expect(host.run(['delete']).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(host.run(['delete', 'pod']).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(host.run(['delete', 'pod', '--all', '-l', 'a=b']).stderr).toBe("error: setting 'all' parameter but found a non empty selector. \n");
    expect(host.run(['delete', 'pods', '--all'])).toEqual({ code: 0, stdout: 'No resources found\n', stderr: '' });
  });
});

describe('-f with get and delete', () => {
  it('gets and deletes the objects a file names', () => {
    const { host } = hostWithServer({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n' });
    expect(host.run(['apply', '-f', 'cm.yaml']).stdout).toBe('configmap/cfg created\nconfigmap/other created\n');
    expect(host.run(['get', '-f', 'cm.yaml', '-o', 'name']).stdout).toBe('configmap/cfg\nconfigmap/other\n');
    expect(host.run(['delete', '-f', 'cm.yaml']).stdout).toBe('configmap "cfg" deleted\nconfigmap "other" deleted\n');
    expect(host.run(['delete', '-f', 'cm.yaml']).stderr).toBe('Error from server (NotFound): configmaps "cfg" not found\nError from server (NotFound): configmaps "other" not found\n');
    expect(host.run(['delete', '-f', 'nope.yaml']).stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });
});
