import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findImage, parseImageRef } from './index.js';

describe('image references', () => {
  it('normalises like containerd', () => {
    const canon = (r: string) => {
      const p = parseImageRef(r);
      return p.ok ? p.canonical : p.message;
    };
    expect(canon('nginx')).toBe('docker.io/library/nginx:latest');
    expect(canon('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(canon('bitnami/redis')).toBe('docker.io/bitnami/redis:latest');
    expect(canon('gcr.io/google-samples/hello-app:1.0')).toBe('gcr.io/google-samples/hello-app:1.0');
    expect(canon('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(canon('Nginx')).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase');
    expect(canon('nginx:')).toBe('Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format');
    expect(canon('nginx@sha256:abc')).toContain('invalid reference format');
  });

  it('canonical forms parse to themselves', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,6}([._-][a-z0-9]{1,4})?$/);
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 3 }), fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/)), (parts, tag) => {
        const ref = parts.join('/') + (tag ? `:${tag}` : '');
        const p = parseImageRef(ref);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        const again = parseImageRef(p.canonical);
        expect(again.ok && again.canonical).toBe(p.canonical);
      }),
    );
  });

  it('finds images by tag and by digest; unknown tags and repositories are told apart', () => {
    const hello = findImage('gcr.io/google-samples/hello-app:1.0');
    expect(hello.ok && hello.digest).toBe('sha256:845f77fab71033404f4cfceaa1ddb27b70c3551ceb22a5e7f4498cdda6c9daea');
    expect(findImage('gcr.io/google-samples/hello-app@sha256:845f77fab71033404f4cfceaa1ddb27b70c3551ceb22a5e7f4498cdda6c9daea').ok).toBe(true);
    const latest = findImage('nginx');
    const mainline = findImage('nginx:1.27');
    expect(latest.ok && mainline.ok && latest.digest === mainline.digest).toBe(true);
    expect(findImage('nginx:doesnotexist')).toMatchObject({ ok: false, reason: 'no-tag' });
    expect(findImage('nginxx')).toMatchObject({ ok: false, reason: 'no-repository' });
  });
});
