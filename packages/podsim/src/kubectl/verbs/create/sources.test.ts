import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

const FILES = {
  'username.txt': 'admin',
  'password.txt': 'S!B\\*d$zDsb=',
  'conf/game.properties': 'lives=3\n',
  'conf/ui.properties': 'color=blue\n',
  'conf/sub/skipped.txt': 'not a regular file of conf',
  'app.env': '# comment\n\nMODE=prod\n  LEVEL=debug=2\nEMPTY\n',
  'bad.env': '1BAD=x\n',
  'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
};

const data = (api: ReturnType<typeof hostWithServer>['api'], resource: string, name: string) => {
  const r = api.get(resource, 'default', name);
  return r.ok ? r.value.data : undefined;
};
const b64 = (s: string) => btoa(s);

describe('create configmap and secret sources', () => {
  it('takes files (key = base name, or key=path), directories (regular files only) and literals', () => {
    const { host, api } = hostWithServer(FILES);
    expect(host.run(['create', 'secret', 'generic', 'db', '--from-file=./username.txt', '--from-file=pw=password.txt'])).toEqual({ code: 0, stdout: 'secret/db created\n', stderr: '' });
    expect(data(api, 'secrets', 'db')).toEqual({ 'username.txt': b64('admin'), pw: b64('S!B\\*d$zDsb=') });
    expect(host.run(['create', 'configmap', 'game', '--from-file=conf', '--from-literal=extra=1']).stdout).toBe('configmap/game created\n');
    expect(data(api, 'configmaps', 'game')).toEqual({ 'game.properties': 'lives=3\n', 'ui.properties': 'color=blue\n', extra: '1' });
  });

  it('reads env files: comments and blank lines skipped, leading blanks trimmed, a bare KEY empty', () => {
    const { host, api } = hostWithServer(FILES);
    host.run(['create', 'configmap', 'env', '--from-env-file=app.env']);
    expect(data(api, 'configmaps', 'env')).toEqual({ MODE: 'prod', LEVEL: 'debug=2', EMPTY: '' });
    const bad = host.run(['create', 'configmap', 'env2', '--from-env-file=bad.env']).stderr;
    expect(bad).toMatch(/^error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '\.', and must not start with a digit/);
    expect(host.run(['create', 'secret', 'generic', 's', '--from-env-file=conf']).stderr).toBe('error: env secret file cannot be a directory\n');
    expect(host.run(['create', 'configmap', 'c', '--from-env-file=app.env', '--from-literal=a=b']).stderr).toBe('error: from-env-file cannot be combined with from-file or from-literal\n');
  });

  it('words bad sources as kubectl 1.32', () => {
    const { host } = hostWithServer(FILES);
    const err = (...a: string[]) => host.run(['create', ...a]).stderr;
    expect(err('configmap', 'c', '--from-file=missing.txt')).toBe('error: error reading missing.txt: no such file or directory\n');
    expect(err('configmap', 'c', '--from-file=k=conf')).toBe('error: cannot give a key name for a directory path\n');
    expect(err('configmap', 'c', '--from-file==x')).toBe('error: key name for file path x missing\n');
    expect(err('configmap', 'c', '--from-file=k=')).toBe('error: file path for key name k missing\n');
    expect(err('configmap', 'c', '--from-file=a=b=c')).toBe("error: key names or file paths cannot contain '='\n");
    expect(err('configmap', 'c', '--from-literal=a=1', '--from-literal=a=2')).toBe('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n');
    expect(err('secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2')).toBe('error: cannot add key a, another key by that name already exists\n');
    expect(err('configmap', 'c', '--from-literal=a b=1')).toMatch(/^error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters/);
    expect(err('secret', 'generic', 's', '--from-literal=..x=1')).toBe('error: "..x" is not valid key name for a Secret must not start with \'..\'\n');
  });

  it('makes TLS and registry secrets, and says "failed to create secret" when the name is taken', () => {
    const { host, api } = hostWithServer(FILES);
    expect(host.run(['create', 'secret', 'tls', 'web-tls', '--cert=tls.crt', '--key=tls.key']).stdout).toBe('secret/web-tls created\n');
    const t = api.get('secrets', 'default', 'web-tls');
    expect(t.ok && t.value.type).toBe('kubernetes.io/tls');
    expect(host.run(['create', 'secret', 'tls', 'x', '--cert=tls.crt']).stderr).toBe('error: key and cert must be specified\n');
    expect(host.run(['create', 'secret', 'tls', 'x', '--cert=tls.key', '--key=tls.key']).stderr).toBe('error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [PRIVATE KEY]\n');
    expect(host.run(['create', 'secret', 'tls', 'x', '--cert=nope.crt', '--key=tls.key']).stderr).toBe('error: Cannot read file nope.crt, open nope.crt: no such file or directory\n');
    expect(host.run(['create', 'secret', 'docker-registry', 'reg', '--docker-username=me', '--docker-password=pw', '--docker-email=me@x.io', '--docker-server=r.example.com']).stdout).toBe('secret/reg created\n');
    const r = api.get('secrets', 'default', 'reg');
    expect(r.ok && atob((r.value.data as Record<string, string>)['.dockerconfigjson'])).toBe('{"auths":{"r.example.com":{"username":"me","password":"pw","email":"me@x.io","auth":"bWU6cHc="}}}');
    expect(host.run(['create', 'secret', 'docker-registry', 'reg2', '--docker-username=me']).stderr).toBe('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n');
    expect(host.run(['create', 'secret', 'generic', 'reg', '--from-literal=a=b']).stderr).toBe('error: failed to create secret secrets "reg" already exists\n');
    expect(host.run(['create', 'configmap', 'cm']).stdout).toBe('configmap/cm created\n');
    expect(host.run(['create', 'configmap', 'cm']).stderr).toBe('error: failed to create configmap: configmaps "cm" already exists\n');
  });
});
