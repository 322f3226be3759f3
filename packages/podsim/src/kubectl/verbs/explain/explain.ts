/**
 * `kubectl explain TYPE[.field…] [--recursive] [--api-version=G/V]`: API documentation from the
 * generated schema. Models kubectl pkg/cmd/explain and pkg/explain/v2.
 */
import { findResource } from '../../../api/resources.js';
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';
import { body, header } from '../../explain/render.js';
import { SCHEMA, type FieldDoc, type TypeDoc } from '../../explain/schema.js';

export const explain: Command = {
  name: 'explain',
  completes: 'resources',
  short: 'Get documentation for a resource',
  usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  examples: '# The fields of a pod\nkubectl explain pods\n\n# One field\nkubectl explain pods.spec.restartPolicy',
  flags: [
    { name: 'api-version', type: 'string', help: 'Use this API group/version of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', help: 'plaintext (the only format here).' },
    { name: 'recursive', type: 'bool', default: false, help: 'Print all nested fields, without descriptions.' },
  ],
  *run(inv) {
    if (inv.args.length === 0) {
      inv.err(plainError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.'));
      return 1;
    }
    if (inv.args.length > 1) {
      inv.err(plainError(`We accept only this format: explain RESOURCE\nSee '${inv.commandPath} -h' for help and examples`));
      return 1;
    }
    const [resourceName, ...path] = inv.args[0].split('.');
    const info = findResource(resourceName);
    if (!info) {
      // explain returns the discovery error unwrapped, so kubectl prints it without `error: `.
      inv.err(`the server doesn't have a resource type ${JSON.stringify(resourceName)}\n`);
      return 1;
    }
    const apiVersion = inv.flags.str('api-version');
    const own = info.group ? `${info.group}/${info.version}` : info.version;
    if (apiVersion && apiVersion !== own) {
      inv.err(plainError(`couldn't find resource for "${info.group ? `${info.group}/` : ''}${apiVersion.split('/').pop()}, Kind=${info.kind}"`));
      return 1;
    }
    const kind = SCHEMA.kinds[info.kind];
    let type: TypeDoc | undefined = kind && SCHEMA.types[kind.type];
    if (!type) {
      inv.err(plainError(`couldn't find resource for "${own}, Kind=${info.kind}"`));
      return 1;
    }
    let field: FieldDoc | undefined;
    for (const name of path) {
      const f: FieldDoc | undefined = type?.fields.find((x) => x[0] === name);
      if (!f) {
        inv.out(header(info.kind, info.group, info.version));
        inv.err(plainError(`field ${JSON.stringify(name)} does not exist`));
        return 1;
      }
      field = f;
      type = f[2] ? SCHEMA.types[f[2]] : undefined;
    }
    inv.out(header(info.kind, info.group, info.version) + body(type, field, inv.flags.bool('recursive')));
    return 0;
  },
};
