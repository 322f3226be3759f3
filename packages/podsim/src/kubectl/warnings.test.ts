/**
 * Server warnings as kubectl 1.32 prints them: client-go's warning writer, installed by kubectl for every request
 * with Deduplicate (k8s.io/client-go rest/warnings.go; kubectl pkg/cmd/cmd.go), here with PodSecurity's texts
 * (k8s.io/pod-security-admission release-1.32 admission/admission.go).
 */
import { describe, expect, it } from 'vitest';
import { must } from '../api/testing.js';
import type { ApiClient } from '../api/types.js';
import type { Proc } from '../kernel/process.js';
import { Tty } from '../kernel/tty.js';
import { hostWithServer } from './testing.js';
import { printingWarnings } from './warnings.js';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: nginx
        image: nginx
`;
const WARNING =
  'Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n';

describe('server warnings', () => {
  it('are printed once per command for every write that answers with them, whatever the verb', () => {
    const { host, api } = hostWithServer({ 'two.yaml': `${deployment('a')}---\n${deployment('b')}` });
    must(api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'w', labels: { 'pod-security.kubernetes.io/warn': 'restricted' } } }));
    expect(host.run(['apply', '-f', 'two.yaml', '-n', 'w'])).toEqual({ code: 0, stdout: 'deployment.apps/a created\ndeployment.apps/b created\n', stderr: WARNING });
    const patched = host.run(['patch', 'deployment', 'a', '-n', 'w', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}']);
    expect(patched).toEqual({ code: 0, stdout: 'deployment.apps/a patched\n', stderr: WARNING });
  });

  it("colour 'Warning:' bold yellow on a terminal (term.AllowsColorOutput), not with TERM=dumb or NO_COLOR", () => {
    const api = { get: () => ({ ok: true, value: {}, warnings: ['w'] }) } as unknown as ApiClient;
    const printed = (env: Record<string, string>) => {
      const out: string[] = [];
      printingWarnings(api, { stderr: new Tty(() => undefined).output, env } as unknown as Proc, (t) => out.push(t)).get('pods', 'default', 'p');
      return out.join('');
    };
    expect(printed({ TERM: 'xterm' })).toBe('\u001b[33;1mWarning:\u001b[0m w\n');
    expect(printed({ TERM: 'dumb' })).toBe('Warning: w\n');
    expect(printed({ NO_COLOR: '' })).toBe('Warning: w\n');
  });
});
