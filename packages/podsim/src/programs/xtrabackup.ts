/**
 * The tools of gcr.io/google-samples/xtrabackup, the replicated MySQL StatefulSet's clone and backup
 * containers: Percona XtraBackup 2.4's `xtrabackup --backup --stream=xbstream` and `--prepare`,
 * `xbstream -x`, and nmap's ncat, which serves a command's output to each peer that connects
 * (`--listen --keep-open --send-only -c CMD`) or receives one (`--recv-only HOST PORT`).
 * Data files are not modelled (the SQL engine keeps its rows): a backup holds the files a clone
 * reads, its checkpoints and the binlog and source positions it was taken at.
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { emptyInput, StringSink } from '../kernel/streams.js';
import { Deferred, forever, wait } from '../kernel/waitable.js';
import type { BinlogPosition } from './servers/engines/sql-replication.js';
import type { Login } from './servers/engines/sql.js';
import { strftime } from './date.js';
import { bindPort } from './http-server.js';
import { connect, resolveHost } from './net-client.js';
import { readAll } from './util.js';

/** What an xbstream archive starts with (each chunk's magic in the real format). */
const XBSTREAM_MAGIC = 'XBSTCK01';

const completed = (proc: Proc) => `${strftime('%y%m%d %H:%M:%S', proc.clock.now())} completed OK!\n`;

/** `--name=value` and `--name value` options, and bare `--flag`s. */
function longOptions(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    out.set(m[1].replace(/_/g, '-'), m[2] ?? '');
  }
  return out;
}

/** Runs `sh -c command` in the container; its output once it exits. */
function commandOutput(proc: Proc, command: string): Deferred<string> {
  const out = new StringSink();
  const done = new Deferred<string>();
  const sh = proc.sys.resolve('sh', proc.env);
  if (!sh) {
    done.resolve('');
    return done;
  }
  const child = proc.ns.spawn({ argv: ['sh', '-c', command], program: sh.program, env: proc.env, cwd: proc.cwd, stdin: emptyInput, stdout: out, stderr: proc.stderr, parent: proc, sys: proc.sys });
  child.exited.subscribe(() => done.resolve(out.text));
  return done;
}

export const ncat: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const o = longOptions(args);
  const operands = args.filter((a, i) => !a.startsWith('-') && !['-c', '--sh-exec', '-e', '--exec'].includes(args[i - 1] ?? ''));
  const exec = args[args.indexOf('-c') + 1] ?? o.get('sh-exec');
  if (o.has('listen') || args.includes('-l')) {
    const port = Number(operands[operands.length - 1] ?? 31337);
    const open = () => ({ protocol: 'ncat', request: () => (exec === undefined ? '' : commandOutput(proc, exec)) });
    if (bindPort(proc, port, undefined, open) !== 'ok') {
      proc.stderr.write(`Ncat: bind to :::${port}: Address already in use. QUITTING.\n`);
      return 2;
    }
    yield* wait(forever);
    return 0;
  }
  const [host, portText] = operands;
  const ip = host === undefined ? undefined : resolveHost(proc, host);
  if (ip === undefined) {
    proc.stderr.write(`Ncat: Could not resolve hostname "${host ?? ''}": Name or service not known. QUITTING.\n`);
    return 2;
  }
  const to = connect(proc, ip, Number(portText ?? 31337));
  if (typeof to === 'string') {
    proc.stderr.write(`Ncat: ${to === 'ECONNREFUSED' ? 'Connection refused' : to === 'ETIMEDOUT' ? 'Connection timed out' : 'No route to host'}.\n`);
    return 1;
  }
  const session = to.open?.(machineOf(proc).net?.ip ?? '127.0.0.1');
  if (session?.protocol !== 'ncat') return 0;
  const reply = session.request(undefined) as string | Deferred<string>;
  proc.stdout.write(typeof reply === 'string' ? reply : yield* wait(reply));
  return 0;
};

/** `xbstream -x [-C DIR]`: writes the archive's files. */
export const xbstream: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const dirAt = args.indexOf('-C');
  const dir = dirAt >= 0 ? (args[dirAt + 1] ?? '.') : (longOptions(args).get('directory') ?? '.');
  const input = yield* readAll(proc);
  if (input === '') return 0;
  if (!input.startsWith(XBSTREAM_MAGIC)) {
    proc.stderr.write('xbstream: wrong chunk magic at offset 0x0.\n');
    return 1;
  }
  const files = JSON.parse(input.slice(XBSTREAM_MAGIC.length)) as Record<string, string>;
  const fs = machineOf(proc).fs;
  const base = dir.startsWith('/') ? dir : `${proc.cwd}/${dir}`;
  for (const [name, text] of Object.entries(files)) fs.writeFile(`${base}/${name}`, text);
  return 0;
};

function checkpoints(type: string): string {
  return `backup_type = ${type}\nfrom_lsn = 0\nto_lsn = 2549834\nlast_lsn = 2549843\ncompact = 0\nrecover_binlog_info = 0\n`;
}

export const xtrabackup: Program = function* (proc) {
  const o = longOptions(proc.argv.slice(1));
  const fs = machineOf(proc).fs;
  if (o.has('prepare')) {
    const dir = o.get('target-dir') ?? '.';
    const file = `${dir}/xtrabackup_checkpoints`;
    if (!fs.exists(file)) {
      proc.stderr.write(`xtrabackup: Error: cannot open ${file}\n`);
      return 1;
    }
    fs.writeFile(file, checkpoints('full-prepared'));
    proc.stderr.write(completed(proc));
    return 0;
  }
  if (!o.has('backup')) {
    proc.stderr.write('xtrabackup: Error: Please set parameter "--backup" or "--prepare".\n');
    return 1;
  }
  const host = o.get('host') || 'localhost';
  const ip = resolveHost(proc, host);
  const to = ip === undefined ? 'EHOSTUNREACH' : connect(proc, ip, Number(o.get('port') || 3306));
  const session = typeof to === 'string' ? undefined : to.open?.('127.0.0.1');
  const login = session?.protocol === 'mysql' ? (session.request({ login: { user: o.get('user') ?? 'root', password: o.get('password') ?? '' } }) as Login) : undefined;
  if (!session || !login?.ok) {
    proc.stderr.write(`Failed to connect to MySQL server: ${login && !login.ok ? login.text.replace(/^ERROR \d+ \(\w+\): /, '') : `Can't connect to MySQL server on '${host}' (111)`}.\n`);
    return 1;
  }
  const at = session.request({ replication: true }) as { binlog?: BinlogPosition; source?: BinlogPosition };
  const files: Record<string, string> = { xtrabackup_checkpoints: checkpoints('full-backuped') };
  if (at.binlog) files.xtrabackup_binlog_info = `${at.binlog.file}\t${at.binlog.position}\n`;
  if (o.has('slave-info') && at.source) files.xtrabackup_slave_info = `CHANGE MASTER TO MASTER_LOG_FILE='${at.source.file}', MASTER_LOG_POS=${at.source.position};\n`;
  if (o.get('stream') === 'xbstream') proc.stdout.write(XBSTREAM_MAGIC + JSON.stringify(files));
  else {
    const dir = o.get('target-dir') ?? '.';
    for (const [name, text] of Object.entries(files)) fs.writeFile(`${dir}/${name}`, text);
  }
  proc.stderr.write(completed(proc));
  return 0;
};
