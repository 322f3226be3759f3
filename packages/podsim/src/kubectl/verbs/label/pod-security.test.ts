/**
 * kubectl label prints the server's warnings (client-go's warning handler: `Warning: ` + text, on stderr) before its
 * action line; here those of PodSecurity admission (k8s.io/pod-security-admission release-1.32 `admission/admission.go`).
 */
import { describe, expect, it } from 'vitest';
import { must } from '../../../api/testing.js';
import { hostWithServer } from '../../testing.js';

describe('kubectl label and server warnings', () => {
  it('kubectl label prints the warnings before its action line', () => {
    const { host, api } = hostWithServer();
    must(api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my-existing-namespace' } }));
    must(api.create('pods', 'my-existing-namespace', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }));
    const r = host.run(['label', '--overwrite', 'ns', 'my-existing-namespace', 'pod-security.kubernetes.io/enforce=restricted', 'pod-security.kubernetes.io/enforce-version=v1.32']);
    expect(r).toEqual({
      code: 0,
      stdout: 'namespace/my-existing-namespace labeled\n',
      stderr:
        'Warning: existing pods in namespace "my-existing-namespace" violate the new PodSecurity enforce level "restricted:v1.32"\n' +
        'Warning: nginx: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n',
    });
  });
});
