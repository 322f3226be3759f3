import { describe, expect, it } from 'vitest';
import { kubectlErrorText } from './status.js';
import { failure, must, newServer, pod } from './testing.js';
import type { Any } from './objects.js';

function podError(spec: Any, name = 'x'): { message: string; kubectl: string; causes: Any[] } {
  const { api } = newServer();
  const s = failure(api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec }));
  return { message: s.message!, kubectl: kubectlErrorText(s), causes: (s.details?.causes ?? []) as Any[] };
}

const c = (extra: Any = {}) => ({ name: 'app', image: 'nginx:1.27', ...extra });

describe('pod validation messages', () => {
  it('requires containers and images', () => {
    expect(podError({}).kubectl).toBe('The Pod "x" is invalid: spec.containers: Required value');
    const e = podError({ containers: [{ name: 'app' }] });
    expect(e.message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    expect(e.kubectl).toBe('The Pod "x" is invalid: spec.containers[0].image: Required value');
    expect(e.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }]);
  });

  it('checks pod names as DNS-1123 subdomains', () => {
    expect(podError({ containers: [c()] }, 'My_Pod').kubectl).toBe(
      `The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    const { api } = newServer();
    expect(kubectlErrorText(failure(api.create('pods', 'default', { metadata: {}, spec: { containers: [c()] } })))).toBe(
      'The Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    );
  });

  it('checks container names as DNS-1123 labels, with the RegexError example quirk', () => {
    expect(podError({ containers: [c({ name: 'My_App' })] }).kubectl).toBe(
      `The Pod "x" is invalid: spec.containers[0].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
    const long = 'a'.repeat(64);
    expect(podError({ containers: [c({ name: long })] }).message).toBe(`Pod "x" is invalid: spec.containers[0].name: Invalid value: "${long}": must be no more than 63 characters`);
  });

  it('reports several causes as a list (server) and a bulleted block (kubectl)', () => {
    const e = podError({ restartPolicy: 'Sometimes', containers: [{ name: 'app' }, c()] });
    expect(e.message).toBe(
      'Pod "x" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "app", spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
    expect(e.kubectl).toBe(
      'The Pod "x" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[1].name: Duplicate value: "app"\n* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(e.causes.map((x) => x.reason)).toEqual(['FieldValueRequired', 'FieldValueDuplicate', 'FieldValueNotSupported']);
  });

  it('checks ports', () => {
    expect(podError({ containers: [c({ ports: [{ containerPort: 70000 }] })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(podError({ containers: [c({ ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"',
    );
    expect(podError({ containers: [c({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    );
  });

  it('checks probe handlers and numbers', () => {
    expect(podError({ containers: [c({ livenessProbe: { httpGet: { port: 80 }, exec: { command: ['true'] } } })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
    );
    expect(podError({ containers: [c({ readinessProbe: { periodSeconds: 5 } })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type',
    );
    expect(podError({ containers: [c({ livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1 } })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(podError({ containers: [c({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    );
  });

  it('checks volume mounts against volumes', () => {
    expect(podError({ containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }).message).toBe(
      'Pod "x" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    );
    expect(podError({ volumes: [{ name: 'data' }], containers: [c()] }).message).toBe('Pod "x" is invalid: spec.volumes[0]: Required value: must specify a volume type');
  });

  it('validates labels', () => {
    const { api } = newServer();
    expect(failure(api.create('pods', 'default', { metadata: { name: 'x', labels: { app: '-bad' } }, spec: { containers: [c()] } })).message).toBe(
      `Pod "x" is invalid: metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });
});

describe('deployment validation', () => {
  const deploy = (spec: Any) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
  const tmpl = (labels: Any) => ({ metadata: { labels }, spec: { containers: [c()] } });

  it('uses the group-qualified kind in the message and the Kind in details', () => {
    const { api } = newServer();
    const s = failure(api.create('deployments', 'default', deploy({ template: tmpl({ app: 'web' }) })));
    expect(s.message).toBe('Deployment.apps "web" is invalid: spec.selector: Required value');
    expect(s.details).toMatchObject({ name: 'web', group: 'apps', kind: 'Deployment' });
    expect(kubectlErrorText(s)).toBe('The Deployment "web" is invalid: spec.selector: Required value');
  });

  it('requires template labels to match the selector', () => {
    const { api } = newServer();
    expect(failure(api.create('deployments', 'default', deploy({ selector: { matchLabels: { app: 'web' } }, template: tmpl({ app: 'db' }) }))).message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`',
    );
  });

  it('rejects negative replicas and selector changes', () => {
    const { api } = newServer();
    expect(failure(api.create('deployments', 'default', deploy({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: tmpl({ app: 'web' }) }))).message).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    const d = must(api.create('deployments', 'default', deploy({ selector: { matchLabels: { app: 'web' } }, template: tmpl({ app: 'web', v: '1' }) })));
    const next = structuredClone(d) as Any;
    next.spec.selector.matchLabels.v = '1';
    expect(failure(api.update('deployments', 'default', next)).message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"1"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});

describe('pod updates', () => {
  it('allows image changes but forbids other spec changes with the real message', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const img = structuredClone(p) as Any;
    img.spec.containers[0].image = 'nginx:1.28';
    expect((must(api.update('pods', 'default', img)) as Any).spec.containers[0].image).toBe('nginx:1.28');
    const bad = structuredClone(must(api.get('pods', 'default', 'web'))) as Any;
    bad.spec.restartPolicy = 'Never';
    const s = failure(api.update('pods', 'default', bad));
    const text = kubectlErrorText(s);
    expect(text.split('\n')[0]).toBe(
      'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(text).toContain('  core.PodSpec{');
    expect(text).toContain('- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",');
  });

  it('allows adding tolerations but not removing them', () => {
    const { api } = newServer();
    const p = structuredClone(must(api.create('pods', 'default', pod('web')))) as Any;
    p.spec.tolerations.push({ key: 'k', operator: 'Exists' });
    const added = structuredClone(must(api.update('pods', 'default', p))) as Any;
    added.spec.tolerations = [];
    expect(failure(api.update('pods', 'default', added)).reason).toBe('Invalid');
  });
});

describe('warnings', () => {
  it('warns about duplicate container ports like pkg/api/pod/warnings.go', () => {
    const { api } = newServer();
    const r = api.create('pods', 'default', { metadata: { name: 'x' }, spec: { containers: [c({ name: 'a', ports: [{ containerPort: 80 }] }), c({ name: 'b', ports: [{ containerPort: 80 }] })] } });
    expect(r.ok && r.warnings).toEqual(['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]']);
  });
});

describe('service validation', () => {
  it('checks DNS-1035 names, ports and types', () => {
    const { api } = newServer();
    const svc = (name: string, spec: Any) => failure(api.create('services', 'default', { metadata: { name }, spec })).message;
    expect(svc('1web', { ports: [{ port: 80 }] })).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
    expect(svc('web', {})).toBe('Service "web" is invalid: spec.ports: Required value');
    expect(svc('web', { ports: [{ port: 80 }, { port: 81 }] })).toBe('Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
    expect(svc('web', { type: 'Public', ports: [{ port: 80 }] })).toBe('Service "web" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
    expect(svc('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('keeps the cluster IP immutable', () => {
    const { api } = newServer();
    must(api.create('services', 'default', { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } }));
    const s = failure(api.patch('services', 'default', 'web', 'merge', { spec: { clusterIP: '10.96.0.99' } }));
    expect(s.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set');
  });
});

describe('dry run', () => {
  it('returns the updated object from update and patch without storing it', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const patched = must(api.patch('pods', 'default', 'web', 'merge', { metadata: { labels: { a: 'b' } } }, { dryRun: true }));
    expect(patched.metadata.labels).toEqual({ a: 'b' });
    expect(must(api.get('pods', 'default', 'web'))).toBe(p);
  });
});
