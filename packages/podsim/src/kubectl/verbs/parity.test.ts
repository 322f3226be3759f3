/**
 * Answers the differential suite (test/differential) found different from kubectl 1.32, each checked
 * against the real kubectl before it was fixed: error wording, argument order, flags.
 */
import { describe, expect, it } from 'vitest';
import { helloDeployment } from '../../../test/support/manifests.js';
import { hostWithCluster, hostWithServer } from '../testing.js';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
const DEPLOY = helloDeployment('web', 2);

describe('label and annotate arguments', () => {
  it('leaves label keys to the API server but checks values and the key=value shape', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    expect(host.run(['label', 'pod', 'web', 'bad key=1']).stderr).toMatch(/^The Pod "web" is invalid: metadata\.labels: Invalid value: "bad key": /);
    expect(host.run(['label', 'pod', 'web', 'k=bad value']).stderr).toBe(
      `error: invalid label value: "k=bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    );
    expect(host.run(['label', 'pod', 'web', 'a=b=c']).stderr).toBe('error: invalid label spec: a=b=c\n');
    expect(host.run(['label', 'pod', 'a=b', 'web']).stderr).toBe('error: all resources must be specified before label changes: web\n');
    expect(host.run(['annotate', 'pod', 'web', 'a=b=c']).stdout).toBe('pod/web annotated\n');
  });

  it('prints the changed object with -o, changing only a copy on a client dry run', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    expect(host.run(['label', 'pod', 'web', 'app=two', '--overwrite', '--dry-run=client', '-o', 'jsonpath={.metadata.labels.app}']).stdout).toBe('two');
    expect(host.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels.app}']).stdout).toBe('web');
    expect(host.run(['annotate', 'pod', 'web', 'note=x', '-o', 'name']).stdout).toBe('pod/web\n');
  });

  it('words the annotate overwrite refusal like annotate.go', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    host.run(['annotate', 'pod', 'web', 'note=a']);
    expect(host.run(['annotate', 'pod', 'web', 'note=b'])).toEqual({ code: 1, stdout: '', stderr: "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (a)\n" });
  });
});

describe('scale, set image, wait, run, explain, api-versions', () => {
  it('scale: a missing object leaves nothing to scale; --current-replicas is a precondition', () => {
    const { host } = hostWithServer({ 'deploy.yaml': DEPLOY });
    host.run(['apply', '-f', 'deploy.yaml']);
    expect(host.run(['scale', 'deployment', 'nope', '--replicas=2']).stderr).toBe('error: no objects passed to scale deployments.apps "nope" not found\n');
    expect(host.run(['scale', 'deploy/web', '--replicas=3', '--current-replicas=5'])).toEqual({ code: 1, stdout: '', stderr: 'error: Expected replicas to be 5, was 2\n' });
    expect(host.run(['scale', 'deploy/web', '--replicas=3', '--current-replicas=2']).stdout).toBe('deployment.apps/web scaled\n');
  });

  it('set image looks the resources up before checking for an image change', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    expect(host.run(['set', 'image', 'pod/web', 'nginx']).stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect(host.run(['set', 'image', 'pod/web']).stderr).toBe('error: at least one image update is required\n');
  });

  it('wait --for=delete is satisfied by an object that is already gone', () => {
    const { host } = hostWithServer();
    expect(host.run(['wait', '--for=delete', 'pod/nope'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.run(['wait', '--for=condition=Ready', 'pod/nope']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('run with a bad restart policy is a usage error; explain of an unknown type has no error: prefix', () => {
    const { host } = hostWithServer();
    expect(host.run(['run', 'x', '--image=nginx', '--restart=Bogus']).stderr).toBe("error: invalid restart policy: Bogus\nSee 'kubectl run -h' for help and examples\n");
    expect(host.run(['explain', 'foo']).stderr).toBe('the server doesn\'t have a resource type "foo"\n');
  });

  it('expose leaves the service type to the API server unless --type is given', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('web'));
    expect(host.run(['expose', 'pod', 'web', '--port=80', '--dry-run=client', '-o', 'yaml']).stdout).not.toContain('type:');
    expect(host.run(['expose', 'pod', 'web', '--port=80', '--type=NodePort', '--dry-run=client', '-o', 'yaml']).stdout).toContain('  type: NodePort\n');
  });

  it('api-versions lists the served group versions, sorted', () => {
    const { host } = hostWithServer();
    expect(host.run(['api-versions']).stdout).toBe('apiregistration.k8s.io/v1\napps/v1\nautoscaling/v1\nautoscaling/v2\nbatch/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nstorage.k8s.io/v1\nv1\n');
  });
});

describe('logs, rollout history, exec against a cluster', () => {
  it('logs of a deployment names the pod it picked; -l prints every matching pod, 10 lines each', () => {
    const { host, cluster } = hostWithCluster({ 'deploy.yaml': DEPLOY });
    host.run(['apply', '-f', 'deploy.yaml']);
    cluster.advance(20_000);
    const one = host.run(['logs', 'deployment/web', '--tail=1']);
    expect(one.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(one.stdout.split('\n')).toHaveLength(2);
    const all = host.run(['logs', '-l', 'app=web']).stdout.trimEnd().split('\n');
    expect(all).toHaveLength(host.run(['logs', 'deployment/web', '--tail=10']).stdout.trimEnd().split('\n').length * 2);
  });

  it('rollout history --revision prints that revision\'s pod template with its tabs', () => {
    const { host, cluster } = hostWithCluster({ 'deploy.yaml': DEPLOY });
    host.run(['apply', '-f', 'deploy.yaml']);
    cluster.advance(20_000);
    const out = host.run(['rollout', 'history', 'deployment/web', '--revision=1']).stdout;
    expect(out).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n {2}Containers:\n {3}hello-app:\n {4}Image:\tgcr\.io\/google-samples\/hello-app:1\.0\n/);
    expect(out.endsWith('  Tolerations:\t<none>\n\n')).toBe(true);
    expect(host.run(['rollout', 'history', 'deployment/web', '--revision=9']).stderr).toBe('error: unable to find the specified revision\n');
  });

  it('exec of a missing program prints the runtime error as kubectl does', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['run', 'web', '--image=nginx']);
    cluster.advance(20_000);
    expect(host.run(['exec', 'web', '--', 'nosuchcmd']).stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in \$PATH: unknown\n$/,
    );
  });
});
