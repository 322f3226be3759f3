/** The `podsim` command: an interactive sandbox shell, or `podsim run SCRIPT` for a transcript. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDirFiles } from './files.js';
import { runInteractive } from './interactive.js';
import { runScriptDetailed } from './run-script.js';

const USAGE = `Usage:
  podsim [--dir DIR] [--seed N]            open a shell on a simulated cluster (Ctrl+D exits)
  podsim run SCRIPT [--dir DIR] [--seed N] [--think MS] [--strict]
                                           run SCRIPT line by line and print the transcript;
                                           --think lets MS virtual ms pass after each line (default 0);
                                           --strict exits 1 when a line's command failed

In a script, a line that is only ^C (or ctrl+c) presses Ctrl+C; \`sleep N\` lets N virtual seconds pass at once.
`;

interface CliArgs {
  command?: string;
  script?: string;
  dir?: string;
  seed?: number;
  think?: number;
  strict?: boolean;
  help: boolean;
}

export function parseCli(argv: string[]): CliArgs | string {
  const a: CliArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '-h' || x === '--help') a.help = true;
    else if (x === '--strict') a.strict = true;
    else if (/^--(dir|seed|think)(=|$)/.test(x)) {
      const eq = x.indexOf('=');
      const name = eq < 0 ? x : x.slice(0, eq);
      const v = eq < 0 ? argv[++i] : x.slice(eq + 1);
      if (v === undefined) return `${name} needs a value`;
      if (name === '--dir') a.dir = v;
      else if (!/^\d+$/.test(v)) return `${name} must be a number, got ${JSON.stringify(v)}`;
      else if (name === '--seed') a.seed = Number(v);
      else a.think = Number(v);
    } else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (a.command === undefined) a.command = x;
    else if (a.command === 'run' && a.script === undefined) a.script = x;
    else return `unexpected argument ${x}`;
  }
  if (a.command !== undefined && a.command !== 'run') return `unknown command ${JSON.stringify(a.command)}`;
  if (a.command === 'run' && a.script === undefined) return 'run needs a SCRIPT';
  return a;
}

export async function main(argv: string[]): Promise<number> {
  // `podsim serve` lives in src/serve (the real-kubectl HTTP front end).
  if (argv[0] === 'serve') return (await import('../serve/cli.js')).serveMain(argv.slice(1));
  const a = parseCli(argv);
  if (typeof a === 'string') {
    process.stderr.write(`podsim: ${a}\n\n${USAGE}`);
    return 2;
  }
  if (a.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const files = a.dir ? readDirFiles(resolve(a.dir)) : {};
    if (a.command === 'run') {
      const script = readFileSync(resolve(a.script!), 'utf8');
      const r = runScriptDetailed(script, { files, seed: a.seed, thinkMs: a.think });
      process.stdout.write(r.transcript);
      if (!a.strict || r.failures.length === 0) return 0;
      for (const f of r.failures) process.stderr.write(`podsim: line ${f.line}: exit status ${f.status}: ${f.text}\n`);
      return 1;
    }
    return await runInteractive({ files, seed: a.seed });
  } catch (e) {
    process.stderr.write(`podsim: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
