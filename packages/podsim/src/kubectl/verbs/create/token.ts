/**
 * `kubectl create token SERVICE_ACCOUNT_NAME` (kubectl create_token.go): a TokenRequest to the
 * ServiceAccount's token subresource with the audiences, lifetime and bound object asked for; prints
 * the token (or the TokenRequest with -o). Client-side checks and their texts are create_token.go's.
 */
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import { outputFormat, printObjects, TEMPLATE_FLAGS } from '../../output.js';
import { oneName } from './common.js';

const BOUND_KINDS = ['Node', 'Pod', 'Secret'];

/** create_token.go Validate, in its order. */
function invalidOptions(inv: Invocation, durationMs: number): string | undefined {
  const kind = inv.flags.str('bound-object-kind');
  if (durationMs < 0) return '--duration must be greater than or equal to 0';
  if (durationMs % 1000 !== 0) return '--duration cannot be expressed in units less than seconds';
  if (inv.flags.list('audience').some((a) => a === '')) return '--audience must not be an empty string';
  if (!kind) {
    if (inv.flags.str('bound-object-name')) return '--bound-object-name can only be set if --bound-object-kind is provided';
    if (inv.flags.str('bound-object-uid')) return '--bound-object-uid can only be set if --bound-object-kind is provided';
    return undefined;
  }
  if (!BOUND_KINDS.includes(kind)) return `supported --bound-object-kind values are ${BOUND_KINDS.join(', ')}`;
  if (!inv.flags.str('bound-object-name')) return '--bound-object-name is required if --bound-object-kind is provided';
  return undefined;
}

export const token: Command = {
  name: 'token',
  short: 'Request a service account token',
  usage: 'create token SERVICE_ACCOUNT_NAME [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, jsonpath=...' },
    ...TEMPLATE_FLAGS,
    { name: 'audience', type: 'stringArray', default: [], help: 'Audience of the requested token (repeatable); the API server by default.' },
    { name: 'bound-object-kind', type: 'string', help: 'Kind of an object to bind the token to: Node, Pod or Secret.' },
    { name: 'bound-object-name', type: 'string', help: 'Name of the object to bind the token to.' },
    { name: 'bound-object-uid', type: 'string', help: 'UID of the object to bind the token to (the existing object by default).' },
    { name: 'duration', type: 'duration', default: '0s', help: 'Requested lifetime of the token (0: the server decides).' },
  ],
  *run(inv) {
    const name = oneName(inv);
    if (!name) return 1;
    const format = outputFormat(inv, false);
    if (!format.ok) {
      inv.err(plainError(format.message));
      return 1;
    }
    const durationMs = inv.flags.int('duration');
    const invalid = invalidOptions(inv, durationMs);
    if (invalid) {
      inv.err(plainError(invalid));
      return 1;
    }
    const kind = inv.flags.str('bound-object-kind');
    const bound = kind
      ? { kind, apiVersion: 'v1', name: inv.flags.str('bound-object-name'), ...(inv.flags.str('bound-object-uid') ? { uid: inv.flags.str('bound-object-uid') } : {}) }
      : undefined;
    const audiences = inv.flags.list('audience');
    const r = inv.api.createToken(inv.namespace, name, {
      ...(audiences.length ? { audiences } : {}),
      ...(durationMs > 0 ? { expirationSeconds: durationMs / 1000 } : {}),
      ...(bound ? { boundObjectRef: bound } : {}),
    });
    if (!r.ok) {
      inv.err(plainError(`failed to create token: ${r.status.message}`));
      return 1;
    }
    if (format.format) return printObjects(inv, format.format, [{ info: { kind: 'TokenRequest', group: 'authentication.k8s.io' }, obj: r.value }], { single: true }) ? 0 : 1;
    inv.out(`${r.value.status.token}\n`);
    return 0;
  },
};
