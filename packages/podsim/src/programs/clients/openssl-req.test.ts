/**
 * `openssl req -x509` on the reader's machine, as the Service TLS tutorial runs it. Expected texts:
 * OpenSSL 3.0's apps (req.c: the key generation trace then `-----` on stderr; apps.c bio_open_default:
 * `Can't open "F" for writing, strerror`; x509's one-line names `subject=CN = a, O = b`), and kubectl's
 * `secret/NAME created` for the pair (create_secret_tls.go reads both PEM blocks).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../host/sandbox.js';

describe('openssl req', () => {
  it('makes a self-signed certificate and its key that kubectl create secret tls takes', async () => {
    const sb = new Sandbox();
    const made = await sb.run('openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"');
    expect(made.exitCode).toBe(0);
    expect(made.output).toMatch(/^[.+*]+\n-----\n$/);
    expect((await sb.run('openssl x509 -in /tmp/nginx.crt -noout -subject -issuer')).output).toBe('subject=CN = my-nginx, O = my-nginx\nissuer=CN = my-nginx, O = my-nginx\n');
    const dates = (await sb.run('openssl x509 -in /tmp/nginx.crt -noout -dates')).output.split('\n');
    const year = (line: string) => Number(/ (\d{4}) GMT$/.exec(line)?.[1]);
    expect(year(dates[1]) - year(dates[0])).toBe(1);
    expect((await sb.run('head -1 /tmp/nginx.key')).output).toBe('-----BEGIN PRIVATE KEY-----\n');
    expect(await sb.run('kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt')).toEqual({ output: 'secret/nginxsecret created\n', exitCode: 0 });
    expect((await sb.run(`kubectl get secret nginxsecret -o jsonpath='{.type}'`)).output).toBe('kubernetes.io/tls');
  });

  it('fails as openssl does: a folder that is not there, a missing name, an unknown option', async () => {
    const sb = new Sandbox();
    const r = await sb.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout /d/tmp/k -out /d/tmp/c -subj /CN=x 2>&1 >/dev/null | tail -1');
    expect(r.output).toBe('req: Can\'t open "/d/tmp/k" for writing, No such file or directory\n');
    expect((await sb.run('openssl req -x509 -newkey rsa:2048 -nodes -keyout k')).exitCode).toBe(1);
    expect((await sb.run('openssl req -x509 -bogus')).output).toBe('req: Unknown option: -bogus\nreq: Use -help for summary.\n');
  });
});
