/**
 * `kubectl edit TYPE NAME | TYPE/NAME`: writes the object as YAML to a temporary file, opens the
 * reader's editor and, when the edited text differs, sends the difference as a patch.
 * Models kubectl pkg/cmd/util/editor/editoptions.go.
 */
import { parse } from 'yaml';
import { threeWayPatch } from '../../apply/three-way.js';
import type { Command } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import { toYaml } from '../../printers/yaml.js';
import { requiredTargets } from '../../targets.js';
import { wait } from '../../../kernel/waitable.js';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export const edit: Command = {
  name: 'edit',
  completes: 'resources',
  short: 'Edit a resource on the server',
  usage: 'edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [{ name: 'output', short: 'o', type: 'string', help: 'Format of the file to edit (yaml).' }],
  *run(inv) {
    const found = requiredTargets(inv, inv.args);
    if (!found.ok) return 1;
    for (const { info, obj } of found.targets) {
      const original = toYaml(obj);
      const path = `/tmp/kubectl-edit-${inv.host.random.int(1e9)}.yaml`;
      inv.host.fs.writeFile(path, HEADER + original);
      const closed = yield* wait(inv.host.openEditor(path, 'edit'));
      const text = inv.host.fs.readFileOr(path);
      if (inv.host.fs.exists(path)) inv.host.fs.remove(path);
      const body = text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
      if (!closed.saved || body.trim() === '' || body.trim() === original.trim()) {
        inv.out('Edit cancelled, no changes made.\n');
        continue;
      }
      let edited: unknown;
      try {
        edited = parse(body, { version: '1.1' });
      } catch (e) {
        inv.err(plainError(`error parsing edited object: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
        return 1;
      }
      const patch = threeWayPatch(obj, edited, obj);
      if (Object.keys(patch).length === 0) {
        inv.out('Edit cancelled, no changes made.\n');
        continue;
      }
      const r = inv.api.patch(info.resource, obj.metadata.namespace, obj.metadata.name ?? '', 'strategic', patch);
      if (!r.ok) {
        inv.err(statusErrorText(r.status));
        return 1;
      }
      inv.out(actionLine(info, obj.metadata.name ?? '', 'edited'));
    }
    return 0;
  },
};
