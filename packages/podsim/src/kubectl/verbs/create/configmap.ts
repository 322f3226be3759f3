/** `kubectl create configmap NAME --from-literal|--from-file|--from-env-file` (kubectl create_configmap.go). */
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { configMapFor } from '../../generators.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { DataBuilder, SourceError } from './sources.js';

export const FROM_LITERAL: FlagSpec = { name: 'from-literal', type: 'stringArray', default: [], help: 'A key and literal value (key=value).' };
export const FROM_FILE: FlagSpec = { name: 'from-file', type: 'stringSlice', default: [], help: 'A file ([key=]path: the key defaults to the file name) or a directory (each regular file in it).' };
export const FROM_ENV_FILE: FlagSpec = { name: 'from-env-file', type: 'stringSlice', default: [], help: 'A file of KEY=value lines.' };

export const ENV_FILE_ALONE = 'from-env-file cannot be combined with from-file or from-literal';

export const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  usage: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  examples:
    '# A config map from every file in a folder\nkubectl create configmap my-config --from-file=path/to/bar\n\n# Keys named on the command line\nkubectl create configmap my-config --from-file=key1=/path/to/file1.txt --from-literal=key2=config2\n\n# From env files\nkubectl create configmap my-config --from-env-file=path/to/foo.env',
  flags: [...COMMON, FROM_ENV_FILE, FROM_FILE, FROM_LITERAL],
  *run(inv) {
    const name = oneName(inv);
    const c = dryRunAndFormat(inv);
    if (!name || !c) return 1;
    const envFiles = inv.flags.list('from-env-file');
    if (envFiles.length > 0 && (inv.flags.list('from-file').length > 0 || inv.flags.list('from-literal').length > 0)) {
      inv.err(plainError(ENV_FILE_ALONE));
      return 1;
    }
    const b = new DataBuilder(inv, {
      invalid: (key, problems) => `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${problems.join(',')}`,
      duplicate: (key) => `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`,
    });
    try {
      // create_configmap.go's order: files, literals, env files.
      b.files(inv.flags.list('from-file'));
      b.literals(inv.flags.list('from-literal'));
      b.envFiles(envFiles, 'config');
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      inv.err(plainError(e.message));
      return 1;
    }
    return createObject(inv, configMapFor(name, b.data, explicitNs(inv)), c.format, c.dryRun, 'created', 'failed to create configmap:').ok ? 0 : 1;
  },
};
