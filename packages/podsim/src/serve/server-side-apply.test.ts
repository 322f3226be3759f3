import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFLICT_ADVICE } from '../kubectl/verbs/apply/server-side.js';
import { serveCluster, type Served } from './testing.js';
import { withRealKubectl } from '../../test/support/real-kubectl.js';

describe.skipIf(!withRealKubectl('server-side apply with the real kubectl'))('server-side apply with the real kubectl', () => {
  let served: Served;
  const kubectl = (...args: string[]) => served.kubectl(args);
  const manifest = (name: string, image: string): string =>
    served.file(
      `${name}.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: nginx\n        image: ${image}\n`,
    );
  beforeAll(async () => {
    served = await serveCluster(5);
  });
  afterAll(() => served.close());

  it('creates and updates with --server-side, recording the Apply manager', async () => {
    expect(await kubectl('apply', '--server-side', '-f', manifest('ssa', 'nginx'))).toEqual({ out: 'deployment.apps/ssa serverside-applied\n', err: '', code: 0 });
    expect(await kubectl('apply', '--server-side', '--field-manager=ci', '-f', manifest('ssa2', 'nginx'))).toMatchObject({ out: 'deployment.apps/ssa2 serverside-applied\n', code: 0 });
    const managers = await kubectl('get', 'deploy', 'ssa2', '--show-managed-fields', '-o', 'jsonpath={range .metadata.managedFields[*]}{.manager}/{.operation} {end}');
    expect(managers.out).toBe('ci/Apply ');
    expect((await kubectl('get', 'deploy', 'ssa2', '-o', 'yaml')).out).not.toContain('managedFields');
    expect((await kubectl('apply', '--server-side', '-f', manifest('ssa', 'nginx:1.27'))).code).toBe(0);
    expect((await kubectl('get', 'deploy', 'ssa', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.27');
  });

  it('refuses to take a field client-side apply owns, with kubectl 1.32 text, until --force-conflicts', async () => {
    expect((await kubectl('apply', '-f', manifest('csa', 'nginx'))).out).toBe('deployment.apps/csa created\n');
    const file = manifest('csa', 'nginx:1.27');
    expect(await kubectl('apply', '--server-side', '-f', file)).toEqual({
      out: '',
      err: `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image\n${CONFLICT_ADVICE}`,
      code: 1,
    });
    expect(await kubectl('apply', '--server-side', '--force-conflicts', '-f', file)).toMatchObject({ out: 'deployment.apps/csa serverside-applied\n', code: 0 });
    expect((await kubectl('get', 'deploy', 'csa', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.27');
  });

  it('names the scale subresource of a kubectl scale that owns spec.replicas', async () => {
    const file = manifest('scaled', 'nginx');
    expect((await kubectl('apply', '--server-side', '-f', file)).code).toBe(0);
    expect((await kubectl('scale', 'deploy', 'scaled', '--replicas=3')).out).toBe('deployment.apps/scaled scaled\n');
    const r = await kubectl('apply', '--server-side', '-f', file);
    expect(r.err.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
  });
});
