import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { Network } from '../kernel/net.js';
import { Random } from '../random/random.js';
import { Runtime } from './runtime.js';

const runtime = () => new Runtime({ clock: new Clock(), random: new Random(1), network: new Network(), nodeName: 'node01' });

describe('pull', () => {
  it('pulls a known image with its size, repo digest and a size-based deterministic duration; a re-pull is quicker', () => {
    const rt = runtime();
    expect(rt.isPresent('gcr.io/google-samples/hello-app:1.0')).toBe(false);
    const first = rt.pull('gcr.io/google-samples/hello-app:1.0');
    expect(first).toMatchObject({
      ok: true,
      imageRef: 'gcr.io/google-samples/hello-app:1.0',
      imageId: 'gcr.io/google-samples/hello-app@sha256:845f77fab71033404f4cfceaa1ddb27b70c3551ceb22a5e7f4498cdda6c9daea',
      sizeBytes: 4190587,
    });
    expect(first.durationMs).toBeGreaterThanOrEqual(1000);
    expect(first.durationMs).toBeLessThan(2000);
    expect(runtime().pull('gcr.io/google-samples/hello-app:1.0').durationMs).toBe(first.durationMs);
    expect(rt.isPresent('gcr.io/google-samples/hello-app:1.0')).toBe(true);
    expect(rt.pull('gcr.io/google-samples/hello-app:1.0').durationMs).toBeLessThan(first.durationMs);
    const nginx = rt.pull('nginx');
    expect(nginx.ok && nginx.imageRef).toBe('docker.io/library/nginx:latest');
    expect(nginx.durationMs).toBeGreaterThan(5000);
    expect(rt.isPresent('docker.io/library/nginx')).toBe(true);
  });

  it('reports unknown repositories, tags and hosts with containerd texts', () => {
    const rt = runtime();
    expect(rt.pull('nginxx')).toMatchObject({
      ok: false,
      reason: 'ErrImagePull',
      error: 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
    expect(rt.pull('nginx:doesnotexist')).toMatchObject({
      ok: false,
      error: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
    expect(rt.pull('gcr.io/google-samples/hello-app:3.0')).toMatchObject({
      error: 'rpc error: code = NotFound desc = failed to pull and unpack image "gcr.io/google-samples/hello-app:3.0": failed to resolve reference "gcr.io/google-samples/hello-app:3.0": gcr.io/google-samples/hello-app:3.0: not found',
    });
    expect(rt.pull('myregistry.example.com/app:1')).toMatchObject({
      error: 'rpc error: code = Unknown desc = failed to pull and unpack image "myregistry.example.com/app:1": failed to resolve reference "myregistry.example.com/app:1": failed to do request: Head "https://myregistry.example.com/v2/app/manifests/1": dial tcp: lookup myregistry.example.com: no such host',
    });
    expect(rt.pull('NGINX')).toMatchObject({ ok: false, reason: 'InvalidImageName', durationMs: 0 });
    expect(rt.isPresent('nginxx')).toBe(false);
  });
});
