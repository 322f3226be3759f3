/**
 * `kubectl create -f FILE` and the generators `create deployment|namespace|configmap|secret
 * generic|service clusterip|job|cronjob|quota|role|clusterrole`, and `create token`. Models kubectl pkg/cmd/create/*.go.
 */
import { withLastApplied } from '../../apply/last-applied.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText, withSource } from '../../errors.js';
import { deploymentFor, namespaceFor, serviceFor } from '../../generators.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { configmap } from './configmap.js';
import { cronjob } from './cronjob.js';
import { ingress } from './ingress.js';
import { job } from './job.js';
import { pdb } from './pdb.js';
import { quota } from './quota.js';
import { clusterrole, role } from './role.js';
import { secret } from './secret.js';
import { token } from './token.js';
import { manifestArgsGiven, readTargets } from '../../manifest-target.js';
import { printResult } from '../apply/apply.js';
import { FILENAME_FLAG, KUSTOMIZE_FLAG } from '../get/get.js';

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [...COMMON, { name: 'image', type: 'stringSlice', default: [], help: 'Image(s) to run.' }, { name: 'port', type: 'int', default: -1, help: 'The containerPort to expose.' }, { name: 'replicas', short: 'r', type: 'int', default: 1, help: 'Number of replicas.' }],
  *run(inv) {
    if (inv.flags.list('image').length === 0) {
      inv.err(plainError('required flag(s) "image" not set'));
      return 1;
    }
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    const obj = deploymentFor({ name, images: inv.flags.list('image'), replicas: inv.flags.int('replicas'), port: inv.flags.int('port'), namespace: explicitNs(inv), suffix: () => inv.host.random.nameSuffix() });
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create deployment:').ok ? 0 : 1;
  },
};

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'create namespace NAME [--dry-run=server|client|none] [options]',
  flags: COMMON,
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    return createObject(inv, namespaceFor(name), c.format, c.dryRun).ok ? 0 : 1;
  },
};

const serviceClusterIP: Command = {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  usage: "create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  flags: [...COMMON, { name: 'tcp', type: 'stringSlice', default: [], help: 'Port pairs as <port>:<targetPort>.' }, { name: 'clusterip', type: 'string', help: 'Assign your own ClusterIP or set to None for a headless service.' }],
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    const specs = inv.flags.list('tcp');
    if (specs.length === 0 && inv.flags.str('clusterip') !== 'None') {
      inv.err(plainError('at least one tcp port specifier must be provided'));
      return 1;
    }
    const ports = [];
    for (const s of specs) {
      const [p, t = p] = s.split(':');
      const port = Number(p);
      if (!/^\d+$/.test(p)) {
        inv.err(plainError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`));
        return 1;
      }
      ports.push({ name: `${p}-${t}`, port, targetPort: /^\d+$/.test(t) ? Number(t) : t });
    }
    const labels = { app: name };
    const obj = serviceFor({ name, type: 'ClusterIP', ports, selector: labels, labels, clusterIP: inv.flags.str('clusterip') || undefined, namespace: explicitNs(inv) });
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create ClusterIP service:').ok ? 0 : 1;
  },
};

const service: Command = { name: 'service', aliases: ['svc'], short: 'Create a service using a specified subcommand', usage: 'create service [flags] [options]', flags: [], subcommands: [serviceClusterIP] };

function* createFromFiles(inv: Invocation) {
  const files = inv.flags.list('filename');
  if (!manifestArgsGiven(inv)) {
    inv.err(plainError('must specify one of -f and -k'));
    return 1;
  }
  const c = dryRunAndFormat(inv);
  if (!c) return 1;
  const read = yield* readTargets(inv, files, 'create');
  if (!read) return 1;
  let failed = read.failed;
  for (const t of read.targets) {
    const obj = inv.flags.bool('save-config') ? withLastApplied(t.obj) : t.obj;
    if (c.dryRun === 'client') {
      printResult(inv, c.format, t, obj as never, 'created', c.dryRun);
      continue;
    }
    const r = inv.api.create(t.info.resource, t.namespace, obj, { dryRun: c.dryRun === 'server', fieldManager: 'kubectl-create', fieldValidation: 'Strict' });
    if (!r.ok) {
      inv.err(statusErrorText(withSource(r.status, 'creating', t.source)));
      failed = true;
      continue;
    }
    printResult(inv, c.format, t, r.value, 'created', c.dryRun);
  }
  return failed ? 1 : 0;
}

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'create -f FILENAME [options]',
  examples: '# Create the objects of pod.yaml\nkubectl create -f pod.yaml\n\n# Create a deployment running three replicas of hello-app\nkubectl create deployment web --image=gcr.io/google-samples/hello-app:1.0 --replicas=3',
  flags: [...COMMON, FILENAME_FLAG, KUSTOMIZE_FLAG],
  subcommands: [clusterrole, configmap, cronjob, deployment, ingress, job, namespace, pdb, quota, role, secret, service, token],
  run: createFromFiles,
};
