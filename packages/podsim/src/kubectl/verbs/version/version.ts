/** `kubectl version [--client] [-o json|yaml]` for a v1.32.4 client and server. */
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';
import { toYaml } from '../../printers/yaml.js';
import { VERSION_INFO } from '../../../version.js';

export const CLIENT_VERSION = VERSION_INFO.gitVersion;
const KUSTOMIZE_VERSION = 'v5.5.0';

function info(gitVersion: string) {
  return { ...VERSION_INFO, gitVersion };
}

export const version: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', default: false, help: 'Only the client version (no server needed).' },
    { name: 'output', short: 'o', type: 'string', help: "One of 'yaml' or 'json'." },
  ],
  *run(inv) {
    const client = inv.flags.bool('client');
    const o = inv.flags.str('output');
    if (o !== '' && o !== 'json' && o !== 'yaml') {
      inv.err(plainError("--output must be 'yaml' or 'json'"));
      return 1;
    }
    const data: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!client) data.serverVersion = { ...info(CLIENT_VERSION), platform: 'linux/amd64' };
    // kubectl marshals this struct itself with a two-space indent, in field order.
    if (o === 'json') inv.out(`${JSON.stringify(data, null, 2)}\n`);
    else if (o === 'yaml') inv.out(`${toYaml(data)}\n`);
    else inv.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${client ? '' : `Server Version: ${CLIENT_VERSION}\n`}`);
    return 0;
  },
};
