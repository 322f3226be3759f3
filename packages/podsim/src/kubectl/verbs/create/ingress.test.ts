/** `create ingress`, `get`/`describe`-free: the generator checked byte for byte against the real kubectl 1.32 (client dry runs need no server). */
import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';
import { sameAsRealKubectl } from './dry-runs.test-helper.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const DRY_RUNS: string[][] = [
  ['create', 'ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ingress', 'ing', '--rule=foo.com/path*=svc:8080', '--rule=foo.com/admin=svcadmin:admin', '--rule=bar.com/=s2:80,tls', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ingress', 'ing', '--class=default', '--rule=/path=svc:port', '--default-backend=defsvc:http', '--annotation=a=b', '--dry-run=client', '-o', 'json'],
  ['create', 'ingress', 'ing', '--rule=*.foo.com/=svc:80,tls=sec', '--rule=foo.com/x=svc:80,tls=sec2', '--rule=b.com/=s:80,tls=sec', '--dry-run=client', '-o', 'json'],
  ['create', 'ingress', 'ing', '--default-backend=s:80', '-n', 'kube-system', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ingress', 'ing', '--rule=a.com/=s:80,tls=', '--annotation=k=', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ingress', 'ing', '--rule=a.com/=s:80', '--dry-run=client'],
  ['create', 'ingress', 'ing', '--rule=foo.com=svc:80', '--dry-run=client'],
  ['create', 'ingress', 'ing', '--rule=bad', '--annotation=bad', '--default-backend=x', '--dry-run=client'],
  ['create', 'ingress', 'ing', '--default-backend=x', '--annotation=bad', '--dry-run=client'],
  ['create', 'ingress', 'ing', '--default-backend=bad', '--dry-run=client'],
  ['create', 'ingress', 'ing', '--dry-run=client'],
  ['create', 'ingress', '--dry-run=client'],
];

describe('kubectl create ingress', () => {
  it('creates the Ingress on the server, which stores it with an empty load balancer status', () => {
    const { host, api } = hostWithServer({});
    expect(host.run(['create', 'ingress', 'web', '--class=nginx', '--rule=example.com/*=web:80']).stdout).toBe('ingress.networking.k8s.io/web created\n');
    const ing = api.get('ingresses', 'default', 'web');
    expect(ing.ok && ing.value.spec).toEqual({ ingressClassName: 'nginx', rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] });
    expect(ing.ok && ing.value.status).toEqual({ loadBalancer: {} });
    expect(host.run(['get', 'ingress']).stdout).toMatch(/^NAME {3}CLASS {3}HOSTS {9}ADDRESS {3}PORTS {3}AGE\nweb {4}nginx {3}example\.com {13}80 {6}\d+s\n$/);
    expect(host.run(['create', 'ingress', 'web', '--rule=a.com/=b:1']).stderr).toBe('error: failed to create ingress: ingresses.networking.k8s.io "web" already exists\n');
  });
});

sameAsRealKubectl('create ingress', DRY_RUNS, withRealKubectl);
