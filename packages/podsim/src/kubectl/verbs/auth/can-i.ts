/**
 * `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL` and `--list`. The reader is the cluster's
 * admin, so every check is allowed; what varies is what kubectl itself says first: the warnings of
 * Complete (unknown type) and Validate (not namespaced, unknown verb), and its argument errors.
 * Models kubectl pkg/cmd/auth/cani.go.
 */
import { ADMIN_RULES } from '../../../api/admin-rules.js';
import { findResource } from '../../../api/resources.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import { accessList } from './access-list.js';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** Names RBAC rules use that discovery never lists (can-i does not warn about them). */
const NON_STANDARD_RESOURCES = ['users', 'groups'];

/** kubectl's WarningPrinter: `Warning: ` and the message, which already ends in a newline, plus its own. */
const warn = (inv: Invocation, message: string) => inv.err(`Warning: ${message}\n\n`);

/** The type argument as the REST mapper resolves it: namespaced or not, or unknown (after its warning). */
function resourceFor(inv: Invocation, arg: string): { namespaced: boolean; resource: string; group: string } | undefined {
  if (arg === '*') return { namespaced: true, resource: '*', group: '' };
  const info = findResource(arg);
  if (info) return { namespaced: info.namespaced, resource: info.resource, group: info.group };
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.includes(group ? `${resource}.${group}` : resource)) {
    warn(inv, group ? `the server doesn't have a resource type '${resource}' in group '${group}'` : `the server doesn't have a resource type '${resource}'`);
  }
  return undefined;
}

function* runList(inv: Invocation) {
  if (inv.args.length !== 0) {
    inv.err(plainError('list option must be specified with no arguments'));
    return 1;
  }
  if (inv.flags.bool('quiet') || inv.flags.bool('all-namespaces') || inv.flags.str('subresource')) {
    inv.err(plainError("list option can't be specified with neither quiet, all-namespaces nor subresource options"));
    return 1;
  }
  inv.out(accessList(ADMIN_RULES, inv.flags.bool('no-headers')));
  return 0;
}

function* run(inv: Invocation) {
  if (inv.flags.bool('list')) return yield* runList(inv);
  if (inv.args.length !== 2) {
    inv.err(plainError(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${inv.commandPath} -h' for help and examples.`));
    return 1;
  }
  const [verb, what] = inv.args as [string, string];
  const quiet = inv.flags.bool('quiet');
  const subresource = inv.flags.str('subresource');
  if (what.startsWith('/')) {
    if (subresource) {
      inv.err(plainError('--subresource can not be used with NonResourceURL'));
      return 1;
    }
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
  } else {
    const r = resourceFor(inv, what.split('/')[0]!);
    if (r && !r.namespaced && !inv.flags.bool('all-namespaces')) {
      warn(inv, r.group ? `resource '${r.resource}' is not namespace scoped in group '${r.group}'` : `resource '${r.resource}' is not namespace scoped`);
    }
    if (!RESOURCE_VERBS.includes(verb)) warn(inv, `verb '${verb}' is not a known verb`);
  }
  if (inv.flags.bool('no-headers')) {
    inv.err(plainError('--no-headers cannot be set without --list specified'));
    return 1;
  }
  if (!quiet) inv.out('yes\n');
  return 0;
}

export const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  usage: 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
  examples: [
    '# Can I create pods in any namespace?',
    'kubectl auth can-i create pods --all-namespaces',
    '',
    '# Can I read pod logs?',
    'kubectl auth can-i get pods --subresource=log',
    '',
    '# Can I read the /logs path of the API server?',
    'kubectl auth can-i get /logs/',
    '',
    '# Everything I may do in namespace dev',
    'kubectl auth can-i --list --namespace=dev',
  ].join('\n'),
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', default: false, help: 'If true, prints all allowed actions.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'If true, prints allowed actions without headers' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', help: 'SubResource such as pod/log or deployment/scale' },
  ],
  run,
};
