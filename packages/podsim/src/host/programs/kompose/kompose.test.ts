/**
 * Expected outputs: kubernetes/kompose v1.34.0 — its end-to-end tests (script/test/cmd/tests.sh with the
 * fixtures it compares kompose's stdout to, as data by scripts/gen-kompose-cases.ts; compared as the
 * test does, `dyff between --ignore-order-changes`), the messages in its source (cmd/, pkg/app/app.go,
 * pkg/transformer), and the kubernetes.io page tasks/configure-pod-container/translate-compose-kubernetes.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import data from './kompose-cases.generated.json';
import { runKompose } from './testing.js';

interface Case {
  command: string;
  env?: Record<string, string>;
  files: [string, string][];
  stdout?: string;
  warning?: string;
}

const CASES = (data as unknown as { cases: Case[] }).cases;
// eslint-disable-next-line no-control-regex -- logrus' colours are terminal escape sequences (ESC)
const plain = (s: string) => s.replace(/\x1b\[\d+m/g, '');

/** Upstream cases that need what this kompose leaves out, by fixture folder, with the reason. */
const NOT_MODELLED: Record<string, string> = {
  buildconfig: 'builds and pushes images with docker (--build=local)',
  'volume-mounts/windows': 'Windows volume paths',
  'deploy/placement': 'deploy.placement constraints and preferences (affinity, topology spread)',
  'configmap-volume': 'a tar archive mounted as a ConfigMap of binary data',
  'service-group': '--service-group-mode',
  statefulset: '--controller statefulset',
  cronjob: 'kompose.cronjob.* labels',
  'network-policies': '--generate-network-policies',
  initcontainer: 'kompose.init.containers.* labels',
  hpa: 'kompose.hpa.* labels',
  'network-mode-service': 'network_mode: service:NAME (containers merged into one pod)',
  // The fixture depends on the CI machine: kompose reads the host's /tmp to decide whether the mount is configuration.
  'configmap-file-configs/compose-3': "the CI machine's own /tmp",
  // The fixture has a network label in the pod template that kompose 1.34.0 adds only with
  // --generate-network-policies (pkg/transformer/kubernetes/k8sutils.go, UpdateKubernetesObjects).
  label: 'a fixture the v1.34.0 source does not produce',
};

function modelled(c: Case): string | undefined {
  return Object.keys(NOT_MODELLED).find((k) => c.command.includes(`fixtures/${k}/`) || c.command.includes(`fixtures/${k}.`));
}

/** dyff's --ignore-order-changes: documents and lists compared as multisets. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).map((x) => JSON.stringify(x)).sort();
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}
const documents = (text: string) => canonical(parseAllDocuments(text).map((d) => d.toJS() as unknown).filter((d) => d !== null && d !== undefined));

function run(c: Case) {
  const files = Object.fromEntries(c.files.map(([p, t]) => [`/kompose/${p}`, t]));
  return runKompose(c.command, { files, cwd: '/kompose', env: c.env });
}

describe('kompose convert on kompose’s own test fixtures', () => {
  it.each(CASES.filter((c) => !modelled(c)).map((c) => [c.command, c] as const))('%s', (_, c) => {
    const r = run(c);
    expect(r.code).toBe(0);
    if (c.stdout !== undefined) expect(documents(r.stdout)).toEqual(documents(c.stdout));
    if (c.warning) expect(plain(r.stderr).toLowerCase()).toContain(c.warning.toLowerCase());
  });

  it('still differs where a case is listed as not modelled (the list cannot go stale)', () => {
    const listed = CASES.filter((c) => modelled(c) && c.stdout !== undefined);
    expect(listed.length).toBeGreaterThan(0);
    for (const c of listed) expect(JSON.stringify(documents(run(c).stdout)), c.command).not.toBe(JSON.stringify(documents(c.stdout!)));
  });
});

const PAGE_COMPOSE = `
services:

  redis-leader:
    container_name: redis-leader
    image: redis
    ports:
      - "6379"

  redis-replica:
    container_name: redis-replica
    image: redis
    ports:
      - "6379"
    command: redis-server --replicaof redis-leader 6379 --dir /tmp

  web:
    container_name: web
    image: quay.io/kompose/web
    ports:
      - "8080:8080"
    environment:
      - GET_HOSTS_FROM=dns
    labels:
      kompose.service.type: LoadBalancer
`;
const HOME = '/home/learner';
const page = { files: { [`${HOME}/docker-compose.yml`]: PAGE_COMPOSE } };

describe('kompose convert as the docs page runs it', () => {
  it('writes one file per object, Services first, and names each on stderr (the page’s output)', () => {
    const r = runKompose('kompose convert', page);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // logrus' forced colours, the message padded to 44 columns and a space.
    expect(r.stderr.split('\n')[0]).toBe('\x1b[36mINFO\x1b[0m Kubernetes file "redis-leader-service.yaml" created ');
    expect(plain(r.stderr).replace(/ +\n/g, '\n')).toBe(
      [
        'INFO Kubernetes file "redis-leader-service.yaml" created',
        'INFO Kubernetes file "redis-replica-service.yaml" created',
        'INFO Kubernetes file "web-tcp-service.yaml" created',
        'INFO Kubernetes file "redis-leader-deployment.yaml" created',
        'INFO Kubernetes file "redis-replica-deployment.yaml" created',
        'INFO Kubernetes file "web-deployment.yaml" created',
        '',
      ].join('\n'),
    );
    expect(r.fs.readdir(HOME).sort()).toEqual(
      ['docker-compose.yml', 'redis-leader-deployment.yaml', 'redis-leader-service.yaml', 'redis-replica-deployment.yaml', 'redis-replica-service.yaml', 'web-deployment.yaml', 'web-tcp-service.yaml'].sort(),
    );
  });

  it('gives a LoadBalancer its own per-protocol Service, labelled with its name and selecting the workload (the page’s describe)', () => {
    const r = runKompose('kompose convert', page);
    const svc = r.fs.readFile(`${HOME}/web-tcp-service.yaml`);
    expect(svc).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  annotations:',
        '    kompose.cmd: kompose convert',
        '    kompose.service.type: LoadBalancer',
        '    kompose.version: 1.34.0 (cbf2835db)',
        '  labels:',
        '    io.kompose.service: web-tcp',
        '  name: web-tcp',
        'spec:',
        '  ports:',
        '    - name: "8080"',
        '      port: 8080',
        '      targetPort: 8080',
        '  selector:',
        '    io.kompose.service: web',
        '  type: LoadBalancer',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with -j, as Go’s encoder orders the typed object’s fields', () => {
    const r = runKompose('kompose convert -j', page);
    expect(plain(r.stderr)).toContain('Kubernetes file "web-deployment.json" created');
    const text = r.fs.readFile(`${HOME}/redis-leader-service.json`);
    expect(text.endsWith('}')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {
        name: 'redis-leader',
        creationTimestamp: null,
        labels: { 'io.kompose.service': 'redis-leader' },
        annotations: { 'kompose.cmd': 'kompose convert -j', 'kompose.version': '1.34.0 (cbf2835db)' },
      },
      spec: { ports: [{ name: '6379', port: 6379, targetPort: 6379 }], selector: { 'io.kompose.service': 'redis-leader' } },
      status: { loadBalancer: {} },
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  });

  it('builds a Helm chart with -c: templates/, Chart.yaml and README.md (pkg/transformer/kubernetes/k8sutils.go generateHelm)', () => {
    const r = runKompose('kompose convert -c', page);
    expect(plain(r.stderr)).toContain('INFO Kubernetes file "docker-compose/templates/web-deployment.yaml" created');
    expect(plain(r.stderr)).toContain('INFO chart created in "docker-compose/"');
    expect(r.fs.readdir(`${HOME}/docker-compose`).sort()).toEqual(['Chart.yaml', 'README.md', 'templates']);
    expect(r.fs.readFile(`${HOME}/docker-compose/Chart.yaml`)).toBe(
      'name: docker-compose\ndescription: A generated Helm Chart for docker-compose from Skippbox Kompose\nversion: 0.0.1\napiVersion: v2\nkeywords:\n  - docker-compose\nsources:\nhome:\n',
    );
  });

  it('names the deprecated controller flags; --replication-controller alone writes no workload in 1.34', () => {
    const r = runKompose('kompose convert --replication-controller', page);
    expect(r.stderr.split('\n')[0]).toBe('Flag --replication-controller has been deprecated, use --controller');
    expect(plain(r.stderr)).not.toContain('replicationcontroller');
    const d = runKompose('kompose convert --daemon-set', page);
    expect(plain(d.stderr)).toContain('Kubernetes file "web-daemonset.yaml" created');
  });

  it('writes every object to the one file -o names, or into the directory it names (tests.sh check_artifacts_generated)', () => {
    const one = runKompose('kompose convert -o out.yaml', page);
    expect(plain(one.stderr)).toBe(`INFO ${'Kubernetes file "out.yaml" created'.padEnd(44)} \n`);
    expect(one.fs.readFile(`${HOME}/out.yaml`).match(/^---$/gm)?.length).toBe(6);
    const dir = runKompose('kompose convert -o k8s/ -j', page);
    expect(dir.fs.readdir(`${HOME}/k8s`)).toContain('web-tcp-service.json');
  });
});

describe('kompose’s commands and errors', () => {
  it('prints its version (pkg/version/version.go VERSION and the v1.34.0 commit)', () => {
    expect(runKompose('kompose version').stdout).toBe('1.34.0 (cbf2835db)\n');
  });

  it('shows cobra’s help for the root and for convert', () => {
    const root = runKompose('kompose --help').stdout;
    expect(root.startsWith('Kompose is a tool to help users who are familiar with docker-compose move to Kubernetes.\n\nUsage:\n  kompose [command]\n')).toBe(true);
    expect(root).toContain('  convert     Convert a Compose file\n');
    expect(root).toContain('      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")\n');
    expect(runKompose('kompose').stdout).toBe(root);
    const convert = runKompose('kompose convert --help').stdout;
    expect(convert.startsWith('Convert a Compose file\n\nUsage:\n  kompose convert [flags]\n')).toBe(true);
    expect(convert).toContain('  -o, --out string');
    expect(convert).not.toContain('--daemon-set');
  });

  it('dies with logrus’ FATA line when there is no Compose file (pkg/app/app.go ValidateComposeFile)', () => {
    const r = runKompose('kompose convert');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`\x1b[31mFATA\x1b[0m Error validating compose file: No compose or docker-compose yaml file found in the current directory \n`);
  });

  it('names a file that is not there, a YAML error, and a key the Compose spec does not have', () => {
    expect(plain(runKompose('kompose -f nope.yml convert').stderr)).toBe('FATA Unable to load files: open /home/learner/nope.yml: no such file or directory \n');
    const bad = runKompose('kompose convert', { files: { [`${HOME}/compose.yaml`]: 'services:\n  web:\n    image: nginx\n   ports: [80]\n' } });
    expect(bad.code).toBe(1);
    expect(plain(bad.stderr)).toMatch(/^FATA Unable to load files: yaml: line \d+: /);
    const key = runKompose('kompose convert', { files: { [`${HOME}/compose.yaml`]: 'services:\n  nginx:\n    image: nginx\n    dockerfile: foobar\n' } });
    expect(plain(key.stderr)).toBe(`FATA Unable to load files: validating ${HOME}/compose.yaml: services.nginx additional properties 'dockerfile' not allowed \n`);
  });

  it('refuses an unknown provider, flag or command as cobra and kompose do', () => {
    expect(plain(runKompose('kompose --provider docker convert').stderr)).toBe("FATA docker is an unsupported provider. Supported providers are: 'kubernetes', 'openshift'. \n");
    const flag = runKompose('kompose convert --bogus');
    expect(flag.code).toBe(1);
    expect(flag.stderr.endsWith('\nunknown flag: --bogus\n')).toBe(true);
    expect(runKompose('kompose nope').stderr).toBe('unknown command "nope" for "kompose"\n');
    expect(plain(runKompose('kompose convert --stdout -o x', page).stderr)).toBe("FATA Error: --out and --stdout can't be set at the same time \n");
  });
});
