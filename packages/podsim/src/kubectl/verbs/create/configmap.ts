/** `kubectl create configmap NAME --from-literal|--from-file|--from-env-file` (kubectl create_configmap.go). */
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { configMapFor } from '../../generators.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { dataFromSources, FROM_ENV_FILE, FROM_FILE, FROM_LITERAL } from './sources.js';

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
    const rules = {
      invalid: (key: string, problems: string[]) => `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${problems.join(',')}`,
      duplicate: (key: string) => `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`,
    };
    // create_configmap.go's order: files, literals, env files.
    const data = dataFromSources(inv, rules, ['from-file', 'from-literal', 'from-env-file'], 'config');
    if (!data) return 1;
    return createObject(inv, configMapFor(name, data, explicitNs(inv)), c.format, c.dryRun, 'created', 'failed to create configmap:').ok ? 0 : 1;
  },
};
