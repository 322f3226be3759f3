/**
 * ssh from the reader's machine (OpenSSH 8.9, Ubuntu 22.04) to a node of the cluster, by name or
 * InternalIP: a login shell there in a pseudo-terminal (`ssh node01`), or one command (`ssh node01
 * ls /etc/kubernetes/manifests`). The login name comes from `-l`, `user@`, the ssh config's `User`
 * for the host (the reader's machine names root for the cluster's nodes), or the local user; the
 * nodes take the reader's key for root only. A host that is
 * no node fails as ssh does.
 */
import { runRemote } from '../../kubectl/remote-session.js';
import type { MachineContext } from '../../kernel/machine.js';
import type { Program } from '../../kernel/process.js';
import { ttyOf } from '../../kernel/tty.js';
import { nodeMachine, type ClusterNodes } from '../node/node-machine.js';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command]
`;

interface Parsed {
  destination: string;
  command: string[];
  login?: string;
  tty?: boolean;
}

function parse(args: string[]): Parsed | { error: string } | { version: true } {
  let login: string | undefined;
  let tty: boolean | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const m = /^-([46AaCfGgKkMNnqsTtVvXxYy]*)([BbcDEeFIiJLlmOopQRSWw]?)(.*)$/.exec(a);
    if (!m || (m[2] === '' && m[3] !== '')) return { error: `unknown option -- ${(m?.[3] ?? a.slice(1))[0]}\n${USAGE}` };
    for (const f of m[1]) {
      if (f === 'V') return { version: true };
      if (f === 't') tty = true;
      if (f === 'T') tty = false;
    }
    if (m[2]) {
      const v = m[3] || args[++i];
      if (v === undefined) return { error: `option requires an argument -- ${m[2]}\n${USAGE}` };
      if (m[2] === 'l') login = v;
    }
  }
  if (i >= args.length) return { error: USAGE };
  return { destination: args[i], command: args.slice(i + 1), login, tty };
}

/**
 * `User` for `host` from ~/.ssh/config, then the system-wide files (Ubuntu's /etc/ssh/ssh_config
 * includes ssh_config.d/*.conf); `Host` patterns with `*` and `?`; the first match wins, as ssh reads them.
 */
function configuredUser(ctx: MachineContext, home: string, host: string): string | undefined {
  let system = '';
  try {
    for (const f of ctx.fs.readdir('/etc/ssh/ssh_config.d')) if (f.endsWith('.conf')) system += ctx.fs.readFileOr(`/etc/ssh/ssh_config.d/${f}`, '') + '\n';
  } catch {
    // No system-wide client configuration.
  }
  const text = `${ctx.fs.readFileOr(`${home}/.ssh/config`, '')}\n${system}`;
  let applies = true;
  for (const raw of text.split('\n')) {
    const [key, ...values] = raw.trim().split(/\s+|=/).filter(Boolean);
    if (!key || key.startsWith('#')) continue;
    if (/^host$/i.test(key)) {
      applies = values.some((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(host));
    } else if (applies && /^user$/i.test(key)) return values[0];
  }
  return undefined;
}

export const ssh: Program = function* (proc) {
  const p = parse(proc.argv.slice(1));
  if ('version' in p) {
    proc.stderr.write('OpenSSH_8.9p1 Ubuntu-3ubuntu0.10, OpenSSL 3.0.2 15 Mar 2022\n');
    return 0;
  }
  if ('error' in p) {
    proc.stderr.write(p.error);
    return 255;
  }
  const ctx = proc.ctx as MachineContext & { nodeMachines?: ClusterNodes };
  const dest = /^(?:ssh:\/\/)?(?:([^@]+)@)?([^:@]+)(?::\d+)?$/.exec(p.destination);
  const host = dest?.[2] ?? p.destination;
  const names = ctx.nodeMachines?.nodeNames() ?? [];
  const name = names.find((n) => n === host.toLowerCase()) ?? names.find((n) => ctx.nodeMachines?.kubelet(n)?.hostIP === host);
  const kubelet = name ? ctx.nodeMachines?.kubelet(name) : undefined;
  if (!kubelet) {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) proc.stderr.write(`ssh: connect to host ${host} port 22: No route to host\n`);
    else proc.stderr.write(`ssh: Could not resolve hostname ${host.toLowerCase()}: Name or service not known\n`);
    return 255;
  }
  const user = p.login ?? dest?.[1] ?? configuredUser(ctx, proc.env.HOME ?? '/', host) ?? proc.env.USER ?? 'root';
  if (user !== 'root') {
    proc.stderr.write(`${user}@${host}: Permission denied (publickey).\n`);
    return 255;
  }
  const node = nodeMachine(kubelet, proc.clock);
  const interactive = p.command.length === 0;
  const terminal = !!(ttyOf(proc.stdin) || proc.stdin.isTTY);
  let tty = p.tty ?? interactive;
  if (tty && !terminal) {
    if (p.tty === undefined) proc.stderr.write('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
    tty = false;
  }
  const argv = interactive ? ['-bash'] : ['bash', '-c', p.command.join(' ')];
  const env = node.loginEnv(user, proc.env.TERM);
  const r = yield* runRemote(
    { proc },
    (stdio) => ({ ok: true, proc: node.ns.spawn({ argv, program: node.sys.resolve('bash', env)!.program, env, cwd: env.HOME, stdin: stdio.stdin, stdout: stdio.stdout, stderr: stdio.stderr, sys: node.sys, ctx: node.ctx, newGroup: true }) }),
    // A command's input is forwarded when it comes from a pipe or file; a terminal's keystrokes go to the local shell.
    tty || !terminal,
    tty,
  );
  const code = r.ok ? r.code : 255;
  // Once the login shell has said `logout`, ssh reports the connection it had a terminal on.
  if (interactive && tty) proc.stderr.write(`Connection to ${host} closed.\r\n`);
  return code;
};
