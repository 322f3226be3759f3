/**
 * `kubectl auth whoami` (and `can-i`, in can-i.ts): the reader is the cluster's admin (kubeadm's
 * `kubernetes-admin`, group `kubeadm:cluster-admins`, bound to cluster-admin). Models kubectl
 * pkg/cmd/auth/whoami.go.
 */
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { parseOutputFormat, printObjects } from '../../output.js';
import { renderRows } from '../../table.js';
import { OUTPUT_FLAG } from '../patch/patch.js';
import { canI } from './can-i.js';
import { ADMIN_USER } from '../../../api/identity.js';
import { rfc3339 } from '../../../api/objects.js';

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
