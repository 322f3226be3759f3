/**
 * Expectations from the Kubernetes documentation's Ingress page (concepts/services-networking/ingress,
 * website e6bd301): its "Examples" table of path types and its "Hostname wildcards" table.
 */
import { describe, expect, it } from 'vitest';
import { routeRequest, type IngressRuleSource } from './routing.js';

function ingress(paths: [type: string, path: string][], host?: string, defaultBackend?: string): IngressRuleSource {
  return {
    metadata: { namespace: 'default', name: 'x' },
    spec: {
      ...(defaultBackend ? { defaultBackend: { service: { name: defaultBackend, port: { number: 80 } } } } : {}),
      rules: [{ ...(host ? { host } : {}), http: { paths: paths.map(([pathType, path]) => ({ pathType, path, backend: { service: { name: `${pathType}:${path}`, port: { number: 80 } } } })) } }],
    },
  };
}

const served = (ing: IngressRuleSource, path: string, host = 'foo.bar.com') => routeRequest([ing], host, path)?.service;

describe('Ingress path matching (the docs page’s Examples table)', () => {
  it.each([
    [[['Prefix', '/']], '/anything', 'Prefix:/'],
    [[['Exact', '/foo']], '/foo', 'Exact:/foo'],
    [[['Exact', '/foo']], '/bar', undefined],
    [[['Exact', '/foo']], '/foo/', undefined],
    [[['Exact', '/foo/']], '/foo', undefined],
    [[['Prefix', '/foo']], '/foo', 'Prefix:/foo'],
    [[['Prefix', '/foo']], '/foo/', 'Prefix:/foo'],
    [[['Prefix', '/foo/']], '/foo', 'Prefix:/foo/'],
    [[['Prefix', '/foo/']], '/foo/', 'Prefix:/foo/'],
    [[['Prefix', '/aaa/bb']], '/aaa/bbb', undefined],
    [[['Prefix', '/aaa/bbb']], '/aaa/bbb', 'Prefix:/aaa/bbb'],
    [[['Prefix', '/aaa/bbb/']], '/aaa/bbb', 'Prefix:/aaa/bbb/'],
    [[['Prefix', '/aaa/bbb']], '/aaa/bbb/', 'Prefix:/aaa/bbb'],
    [[['Prefix', '/aaa/bbb']], '/aaa/bbb/ccc', 'Prefix:/aaa/bbb'],
    [[['Prefix', '/aaa/bbb']], '/aaa/bbbxyz', undefined],
    [[['Prefix', '/'], ['Prefix', '/aaa']], '/aaa/ccc', 'Prefix:/aaa'],
    [[['Prefix', '/'], ['Prefix', '/aaa'], ['Prefix', '/aaa/bbb']], '/aaa/bbb', 'Prefix:/aaa/bbb'],
    [[['Prefix', '/'], ['Prefix', '/aaa'], ['Prefix', '/aaa/bbb']], '/ccc', 'Prefix:/'],
    [[['Prefix', '/foo'], ['Exact', '/foo']], '/foo', 'Exact:/foo'],
  ] as [[string, string][], string, string | undefined][])('%j serves %s: %s', (paths, path, expected) => {
    expect(served(ingress(paths), path)).toBe(expected);
  });

  it('falls back to the default backend when no path matches (`/aaa` for `/ccc`), and ignores the query string', () => {
    expect(served(ingress([['Prefix', '/aaa']], undefined, 'fallback'), '/ccc')).toBe('fallback');
    expect(served(ingress([['Exact', '/foo']]), '/foo?x=1')).toBe('Exact:/foo');
  });
});

describe('Ingress host matching (the docs page’s Hostname wildcards table)', () => {
  const wild = ingress([['Prefix', '/']], '*.foo.com');
  it.each([
    ['bar.foo.com', 'Prefix:/'],
    ['baz.bar.foo.com', undefined],
    ['foo.com', undefined],
  ])('*.foo.com for Host %s: %s', (host, expected) => {
    expect(served(wild, '/', host)).toBe(expected);
  });

  it('matches a precise host without its port, and a rule without a host takes any other host', () => {
    const exact = ingress([['Prefix', '/']], 'hello-world.example');
    const anyHost: IngressRuleSource = { metadata: { namespace: 'default' }, spec: { rules: [{ http: { paths: [{ pathType: 'Prefix', path: '/', backend: { service: { name: 'catch-all', port: { number: 80 } } } }] } }] } };
    expect(routeRequest([exact, anyHost], 'hello-world.example:80', '/')?.service).toBe('Prefix:/');
    expect(routeRequest([exact, anyHost], 'other.example', '/')?.service).toBe('catch-all');
    expect(routeRequest([exact], 'other.example', '/')).toBeUndefined();
  });
});
