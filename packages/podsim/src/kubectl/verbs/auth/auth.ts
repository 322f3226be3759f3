/**
 * `kubectl auth can-i VERB TYPE[/NAME]` and `kubectl auth whoami`: the reader is the cluster's admin
 * (kubeadm's `kubernetes-admin`, group `kubeadm:cluster-admins`, bound to cluster-admin), so every
 * action is allowed. Models kubectl pkg/cmd/auth/cani.go and whoami.go.
 */
import { findResource } from '../../../api/resources.js';
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { parseOutputFormat, printObjects } from '../../output.js';
import { renderRows } from '../../table.js';
import { OUTPUT_FLAG } from '../patch/patch.js';
import { ADMIN_USER } from '../../../api/identity.js';
import { rfc3339 } from '../../../api/objects.js';

const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];

const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  usage: 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
  examples: '# Can I create pods in any namespace?\nkubectl auth can-i create pods --all-namespaces\n\n# Can I read pod logs?\nkubectl auth can-i get pods --subresource=log',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'Ask about every namespace.' },
    { name: 'list', type: 'bool', default: false, help: 'List every allowed action.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'With --list: no header row.' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Answer with the exit status only.' },
    { name: 'subresource', type: 'string', help: 'A subresource such as pods/log or deployments/scale.' },
  ],
  *run(inv) {
    if (inv.flags.bool('list')) {
      inv.err(plainError('"kubectl auth can-i --list" is not available in this sandbox'));
      return 1;
    }
    if (inv.args.length !== 2) {
      inv.err(plainError(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${inv.commandPath} -h' for help and examples.`));
      return 1;
    }
    const [verb, what] = inv.args;
    const quiet = inv.flags.bool('quiet');
    if (!what.startsWith('/')) {
      const type = what.split('/')[0];
      if (!quiet && !KNOWN_VERBS.includes(verb)) inv.err(`Warning: verb '${verb}' is not a known verb\n\n`);
      if (!quiet && type !== '*' && !findResource(type)) inv.err(`Warning: the server doesn't have a resource type '${type}'\n\n`);
    }
    if (!quiet) inv.out('yes\n');
    return 0;
  },
};

function selfSubjectReview(inv: Invocation): KubeObject {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: rfc3339(inv.now()) },
    status: { userInfo: { username: inv.host.kubeconfig.user, groups: ADMIN_USER.groups } },
  };
}

const whoami: Command = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  usage: 'auth whoami [options]',
  examples: '# Who am I?\nkubectl auth whoami\n\n# The same as JSON\nkubectl auth whoami -o json',
  flags: [OUTPUT_FLAG] as FlagSpec[],
  *run(inv) {
    const o = parseOutputFormat(inv.flags.str('output'), false);
    if (!o.ok) {
      inv.err(plainError(o.message));
      return 1;
    }
    const review = selfSubjectReview(inv);
    if (o.format && o.format.type !== 'name') return printObjects(inv, o.format, [{ info: { kind: 'SelfSubjectReview', group: 'authentication.k8s.io' }, obj: review }], { single: true }) ? 0 : 1;
    inv.out(renderRows([['ATTRIBUTE', 'VALUE'], ['Username', inv.host.kubeconfig.user], ['Groups', `[${ADMIN_USER.groups.join(' ')}]`]]));
    return 0;
  },
};

export const auth: Command = { name: 'auth', short: 'Inspect authorization', usage: 'auth [flags] [options]', flags: [], subcommands: [canI, whoami] };
