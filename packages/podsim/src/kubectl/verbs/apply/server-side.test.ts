import { describe, expect, it } from 'vitest';
import { serveCluster } from '../../../serve/testing.js';
import { LAST_APPLIED } from '../../apply/last-applied.js';
import { hostWithServer } from '../../testing.js';
import { CONFLICT_ADVICE } from './server-side.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const deployment = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: ${image}\n`;
const FILES = { 'v1.yaml': deployment('nginx'), 'v2.yaml': deployment('nginx:1.27'), 'bad.yaml': deployment('nginx').replace('        image:', '        bogus: 1\n        image:') };

/** One session: client-side create, a conflicting server-side apply, forcing it, flag mistakes. */
const SESSION: string[][] = [
  ['apply', '-f', 'v1.yaml'],
  ['apply', '--server-side', '-f', 'v2.yaml'],
  ['apply', '--server-side', '--dry-run=server', '--force-conflicts', '-f', 'v2.yaml'],
  ['apply', '--server-side', '--force-conflicts', '-f', 'v2.yaml'],
  ['apply', '--server-side', '-f', 'v2.yaml'],
  ['apply', '--force-conflicts', '-f', 'v2.yaml'],
  ['apply', '--server-side', '--dry-run=client', '-f', 'v2.yaml'],
  ['apply', '--server-side', '--field-manager=ci', '-f', 'v1.yaml'],
  ['apply', '--server-side', '-f', 'bad.yaml'],
];

const CONFLICT = `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image\n${CONFLICT_ADVICE}`;

describe('kubectl apply --server-side', () => {
  it('prints what kubectl 1.32 prints through a session of creates, conflicts and forcing', () => {
    const { host, api } = hostWithServer(FILES);
    const results = SESSION.map((args) => host.run(args));
    expect(results.map((r) => r.stdout + r.stderr)).toEqual([
      'deployment.apps/web created\n',
      CONFLICT,
      'deployment.apps/web serverside-applied (server dry run)\n',
      'deployment.apps/web serverside-applied\n',
      'deployment.apps/web serverside-applied\n',
      'error: --force-conflicts only works with --server-side\n',
      "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n",
      expect.stringContaining('error: Apply failed with 1 conflict: conflict with "kubectl": .spec.template.spec.containers[name="nginx"].image\nPlease review'),
      'Error from server: failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="nginx"].bogus: field not declared in schema\n',
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 1, 0, 0, 0, 1, 1, 1, 1]);
    const live = api.get('deployments', 'default', 'web');
    expect(live.ok && (live.value.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image).toBe('nginx:1.27');
    // The client-side annotation is kept as it was, now owned by its own applier.
    expect(live.ok && live.value.metadata.annotations?.[LAST_APPLIED]).toContain('"image":"nginx"');
    // …and what client-side apply owned was handed to the server-side manager.
    expect(live.ok && api.managedFields(live.value)?.map((e) => `${e.manager} ${e.operation}`)).toEqual(['kubectl Apply', 'kubectl-last-applied Apply']);
  });

  it('warns when the re-apply after migrating a pod trips over a re-defaulted immutable field, as kubectl does', () => {
    const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`;
    const { host } = hostWithServer({ 'a.yaml': pod('nginx'), 'b.yaml': pod('nginx:1.27') });
    host.run(['apply', '-f', 'a.yaml']);
    const r = host.run(['apply', '--server-side', '--force-conflicts', '-f', 'b.yaml']);
    expect([r.code, r.stdout]).toEqual([0, 'pod/p serverside-applied\n']);
    expect(r.stderr).toMatch(/^Warning: failed to re-apply configuration after performing Server-Side Apply migration\. This is non-fatal and will be retried next time you apply\. Error: Pod "p" is invalid: spec: Forbidden: pod updates may not change fields/);
  });

  it.skipIf(!withRealKubectl('apply --server-side against podsim serve'))('matches the real kubectl against podsim serve, command for command', async () => {
    const served = await serveCluster(9);
    try {
      for (const [f, text] of Object.entries(FILES)) served.file(f, text);
      const real: string[] = [];
      for (const args of SESSION) {
        const r = await served.kubectl(args);
        real.push(r.out + r.err);
      }
      const { host } = hostWithServer(FILES);
      expect(
        SESSION.map((args) => {
          const r = host.run(args);
          return r.stdout + r.stderr;
        }),
      ).toEqual(real);
    } finally {
      await served.close();
    }
  });
});
