/**
 * `kubectl create secret generic|tls|docker-registry NAME …` (kubectl create_secret.go,
 * create_secret_tls.go, create_secret_docker.go). A refused create reads `failed to create secret <err>`.
 */
import { base64Utf8 } from '../../../api/kinds/core.js';
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { secretFor } from '../../generators.js';
import { readLocalFile } from '../../local-files.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { collectData, dataFromSources, FROM_ENV_FILE, FROM_FILE, FROM_LITERAL, type KeyRules } from './sources.js';

const FAILED = 'failed to create secret';

const SECRET_KEYS: KeyRules = {
  invalid: (key, problems) => `${JSON.stringify(key)} is not valid key name for a Secret ${problems.join(';')}`,
  duplicate: (key) => `cannot add key ${key}, another key by that name already exists`,
};

const generic: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  usage: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  examples: '# A secret from files\nkubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa\n\n# From literal values\nkubectl create secret generic my-secret --from-literal=user=admin --from-literal=password=s3cret',
  flags: [...COMMON, FROM_ENV_FILE, FROM_FILE, FROM_LITERAL, { name: 'type', type: 'string', help: 'The type of secret to create.' }],
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    // create_secret.go's order: literals, files, env files.
    const data = dataFromSources(inv, SECRET_KEYS, ['from-literal', 'from-file', 'from-env-file'], 'secret');
    if (!data) return 1;
    return createObject(inv, secretFor(name, data, inv.flags.str('type') || undefined, explicitNs(inv)), c.format, c.dryRun, 'created', FAILED).ok ? 0 : 1;
  },
};

/** The PEM block types in a text, in order. */
function pemTypes(text: string): string[] {
  return [...text.matchAll(/^-----BEGIN ([A-Z0-9 ]+)-----$[\s\S]*?^-----END \1-----$/gm)].map((m) => m[1]);
}

/**
 * What Go's tls.X509KeyPair says about the PEM framing (the certificate and key bytes themselves are
 * not checked here).
 */
function keyPairProblem(cert: string, key: string): string | undefined {
  const certTypes = pemTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    return certTypes.length === 0 ? 'tls: failed to find any PEM data in certificate input' : `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`;
  }
  const keyTypes = pemTypes(key);
  if (keyTypes.length > 0 && keyTypes.every((t) => t === 'CERTIFICATE')) return 'tls: found a certificate rather than a key in the PEM for the private key';
  if (!keyTypes.some((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'))) {
    return keyTypes.length === 0 ? 'tls: failed to find any PEM data in key input' : `tls: failed to find "PRIVATE KEY" PEM block in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`;
  }
  return undefined;
}

const tls: Command = {
  name: 'tls',
  short: 'Create a TLS secret',
  usage: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
  examples: '# A TLS secret from a key pair\nkubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key',
  flags: [...COMMON, { name: 'cert', type: 'string', help: 'Path to the PEM encoded public key certificate.' }, { name: 'key', type: 'string', help: 'Path to the private key of the certificate.' }],
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    const [certPath, keyPath] = [inv.flags.str('cert'), inv.flags.str('key')];
    if (!certPath || !keyPath) {
      inv.err(plainError('key and cert must be specified'));
      return 1;
    }
    const cert = readLocalFile(inv, certPath);
    const key = cert.ok ? readLocalFile(inv, keyPath) : cert;
    if (!cert.ok || !key.ok) {
      const failed = !cert.ok ? { path: certPath, error: cert.error } : { path: keyPath, error: (key as { error: string }).error };
      inv.err(plainError(`Cannot read file ${failed.path}, ${failed.error}`));
      return 1;
    }
    const problem = keyPairProblem(cert.text, key.text);
    if (problem) {
      inv.err(plainError(problem));
      return 1;
    }
    const obj = secretFor(name, { 'tls.crt': cert.text, 'tls.key': key.text }, 'kubernetes.io/tls', explicitNs(inv));
    return createObject(inv, obj, c.format, c.dryRun, 'created', FAILED).ok ? 0 : 1;
  },
};

const dockerRegistry: Command = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  usage: 'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
  examples: '# Credentials for a private registry\nkubectl create secret docker-registry my-secret --docker-server=registry.example.com --docker-username=me --docker-password=s3cret --docker-email=me@example.com',
  flags: [
    ...COMMON,
    { name: 'docker-email', type: 'string', help: 'Email for the registry.' },
    { name: 'docker-password', type: 'string', help: 'Password for the registry.' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', help: 'Server location of the registry.' },
    { name: 'docker-username', type: 'string', help: 'Username for the registry.' },
    { ...FROM_FILE, help: 'Docker config files ([key=]path), e.g. .dockerconfigjson=path/to/.docker/config.json.' },
  ],
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    const f = inv.flags;
    const files = f.list('from-file');
    const [user, password, email, server] = [f.str('docker-username'), f.str('docker-password'), f.str('docker-email'), f.str('docker-server')];
    if (files.length === 0 && (!user || !password || !server)) {
      inv.err(plainError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required'));
      return 1;
    }
    const data = files.length > 0 ? collectData(inv, SECRET_KEYS, (b) => b.files(files)) : { '.dockerconfigjson': dockerConfigJson(user, password, email, server) };
    if (!data) return 1;
    return createObject(inv, secretFor(name, data, 'kubernetes.io/dockerconfigjson', explicitNs(inv)), c.format, c.dryRun, 'created', FAILED).ok ? 0 : 1;
  },
};

/** encoding/json of kubectl's DockerConfigJSON (field order as declared, email omitted when empty). */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = { username, password };
  if (email) entry.email = email;
  entry.auth = base64Utf8(`${username}:${password}`);
  return goJson({ auths: { [server]: entry } });
}

/** JSON as Go's encoding/json writes it: <, > and & escaped. */
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

export const secret: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  usage: 'create secret (docker-registry | generic | tls) [options]',
  flags: [],
  subcommands: [dockerRegistry, generic, tls],
};
