/**
 * kompose's PrintList: each object to `<name>-<kind>.yaml|json` in the current directory, `-o DIR`
 * or a Helm chart's `templates/`; or all of them as `---` documents to stdout or the one file `-o`
 * names; a chart also gets its Chart.yaml and README.md.
 */
import { marshal } from './marshal.js';
import type { KObject } from './meta.js';

export interface Writer {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  mkdir(path: string): void;
  write(path: string, text: string, append?: boolean): void;
  stdout(text: string): void;
  info(msg: string): void;
}

export interface OutputOptions {
  out: string;
  stdout: boolean;
  json: boolean;
  chart: boolean;
  indent: number;
  /** The first Compose file: a chart is named after it. */
  input: string;
}

/** Go's filepath.Join: the parts joined and the result cleaned. */
function join(...parts: string[]): string {
  const whole = parts.filter((p) => p !== '').join('/');
  const out: string[] = [];
  for (const seg of whole.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (whole.startsWith('/') ? '/' : '') + out.join('/') || (whole.startsWith('/') ? '/' : '.');
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : '.');

function chartFiles(dir: string, w: Writer): void {
  w.write(`${dir}/README.md`, 'This chart was created by Kompose\n');
  w.write(
    `${dir}/Chart.yaml`,
    `name: ${dir}\ndescription: A generated Helm Chart for ${dir} from Skippbox Kompose\nversion: 0.0.1\napiVersion: v2\nkeywords:\n  - ${dir}\nsources:\nhome:\n`,
  );
  w.info(`chart created in "${dir}/"`);
}

/** Writes the objects; returns the error kompose dies with, if any. */
export function writeObjects(objects: KObject[], o: OutputOptions, w: Writer): string | undefined {
  const ext = o.input.lastIndexOf('.') > o.input.lastIndexOf('/') ? o.input.slice(o.input.lastIndexOf('.')) : '';
  const dir = o.out || (o.chart ? o.input.slice(0, o.input.length - ext.length) : '.');
  if (o.out !== '' && o.out.endsWith('/') && !w.exists(o.out)) w.mkdir(o.out);
  const single = !o.chart && o.out !== '' && !w.isDir(o.out);
  if (single) {
    if (!w.exists(dirOf(o.out))) w.mkdir(dirOf(o.out));
    w.write(o.out, '');
    w.info(`Kubernetes file "${o.out}" created`);
  }
  if (o.stdout || single) {
    if (o.json) return 'cannot convert to one file while specifying a json output file or stdout option';
    for (const obj of objects) {
      const text = `---\n${marshal(obj, false, o.indent)}\n`;
      if (o.stdout) w.stdout(text);
      else w.write(o.out, text, true);
    }
    return undefined;
  }
  const target = o.chart ? `${dir}/templates` : dir;
  w.mkdir(target);
  for (const obj of objects) {
    const file = join(target, `${obj.metadata.name}-${obj.kind.toLowerCase()}.${o.json ? 'json' : 'yaml'}`);
    w.write(file, marshal(obj, o.json, o.indent));
    w.info(`Kubernetes file "${file}" created`);
  }
  if (o.chart) chartFiles(dir, w);
  return undefined;
}
