/**
 * crictl's listings (cri-tools v1.32.0 cmd/crictl container.go, sandbox.go, image.go) against the
 * kubelet's view of its containerd: `ps`, `pods` and `images` with their filters, newest first,
 * `--latest`/`--last`, `-q` for full IDs, and the tables through Go's tabwriter as crictl sets it up.
 */
import type { CriContainer, CriPod } from './cri-view.js';
import { findImage } from '../../images/index.js';
import { TabWriter } from '../../format/tabwriter.js';
import type { CrictlArgs, FlagSpec } from './crictl-flags.js';
import { imageIdOf, type CriImage } from './crictl-images.js';

export const trunc = (id: string) => id.replace(/^sha256:/, '').slice(0, 13);

/** github.com/docker/go-units HumanDuration, as crictl's CREATED column words it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units HumanSizeWithPrecision(size, 3): powers of 1000, Go's `%.3g` (no trailing zeros; exponent form from 1000 up). */
export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  const [mantissa, exp] = size.toExponential(2).split('e');
  const e = Number(exp);
  const digits = e < -4 || e >= 3 ? `${mantissa.replace(/\.?0+$/, '')}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}` : String(Number(size.toPrecision(3)));
  return digits + DECIMAL_UNITS[unit];
}

export function table(rows: string[][]): string {
  const w = new TabWriter({ minWidth: 20, tabWidth: 1, padding: 3, padChar: ' ' });
  for (const r of rows) w.write(r.join('\t') + '\n');
  return w.flush();
}

/** regexp.MatchString as crictl's --name/--namespace use it: unanchored; a pattern Go cannot compile matches nothing. */
function matches(pattern: string, target: string): boolean {
  if (pattern === '') return true;
  try {
    return new RegExp(pattern).test(target);
  } catch {
    return false;
  }
}

/** `--label k=v`, as parseLabelStringSlice splits it (one `=` exactly). */
function labelsOf(c: CrictlArgs): { ok: true; value: [string, string][] } | { ok: false; error: string } {
  const out: [string, string][] = [];
  for (const s of c.list('label')) {
    const pair = s.split('=');
    if (pair.length !== 2) return { ok: false, error: `incorrectly specified label: ${s}` };
    out.push([pair[0], pair[1]]);
  }
  return { ok: true, value: out };
}

/** --latest / --last N over a list already sorted newest first. */
function newest<T>(items: T[], c: CrictlArgs): T[] {
  const n = c.bool('latest') ? 1 : c.int('last') > 0 ? c.int('last') : items.length;
  return items.slice(0, n);
}

const byCreated = <T extends { createdAt: number }>(a: T, b: T) => b.createdAt - a.createdAt;

export type ListResult = { ok: true; out: string } | { ok: false; fatal: string } | { ok: false; logFatal: string };

const LIST_FLAGS: FlagSpec[] = [
  { names: ['id'], kind: 'string' },
  { names: ['name'], kind: 'string' },
  { names: ['namespace'], kind: 'string' },
  { names: ['state', 's'], kind: 'string' },
  { names: ['label'], kind: 'list' },
  { names: ['quiet', 'q'], kind: 'bool' },
  { names: ['latest', 'l'], kind: 'bool' },
  { names: ['last', 'n'], kind: 'int' },
  { names: ['no-trunc'], kind: 'bool' },
  { names: ['output', 'o'], kind: 'string' },
  { names: ['verbose', 'v'], kind: 'bool' },
];

export const PS_FLAGS: FlagSpec[] = [
  ...LIST_FLAGS,
  { names: ['pod', 'p'], kind: 'string' },
  { names: ['image'], kind: 'string' },
  { names: ['all', 'a'], kind: 'bool' },
  { names: ['resolve-image-path', 'r'], kind: 'bool' },
];
export const PODS_FLAGS = LIST_FLAGS;
export const IMAGES_FLAGS: FlagSpec[] = [
  { names: ['quiet', 'q'], kind: 'bool' },
  { names: ['no-trunc'], kind: 'bool' },
  { names: ['digests'], kind: 'bool' },
  { names: ['pinned'], kind: 'bool' },
  { names: ['verbose', 'v'], kind: 'bool' },
  { names: ['output', 'o'], kind: 'string' },
  { names: ['filter', 'f'], kind: 'list' },
];

/** `--image` as the reader gives it (a reference or an ID prefix): both resolve to the image's ID, as ImageStatus does. */
function sameImage(wanted: string, k: CriContainer): boolean {
  if (/^(sha256:)?[0-9a-f]{6,64}$/.test(wanted)) return imageIdOf(k.imageDigest).replace(/^sha256:/, '').startsWith(wanted.replace(/^sha256:/, ''));
  const found = findImage(wanted);
  return found.ok && found.digest === k.imageDigest;
}

export function listContainers(pods: CriPod[], c: CrictlArgs, now: number): ListResult {
  const labels = labelsOf(c);
  if (!labels.ok) return { ok: false, fatal: labels.error };
  const stateFlag = c.string('state').toLowerCase();
  if (stateFlag !== '' && !['created', 'running', 'exited', 'unknown'].includes(stateFlag)) return { ok: false, logFatal: '--state should be one of created, running, exited or unknown' };
  // The state filter goes with --latest/--last: those list every state.
  const state = c.bool('latest') || c.int('last') > 0 ? '' : stateFlag || (c.bool('all') ? '' : 'running');
  const shown = pods
    .filter((p) => p.id.startsWith(c.string('pod')))
    .flatMap((p) => p.containers)
    .filter((k) => k.id.startsWith(c.string('id')) && (state === '' || k.state.toLowerCase() === state))
    .filter((k) => labels.value.every(([key, v]) => k.labels[key] === v))
    .filter((k) => matches(c.string('name'), k.name) && matches(c.string('namespace'), k.pod.namespace))
    .filter((k) => c.string('image') === '' || sameImage(c.string('image'), k))
    .sort(byCreated);
  const list = newest(shown, c);
  if (c.bool('quiet')) return { ok: true, out: list.map((k) => k.id + '\n').join('') };
  const id = (s: string) => (c.bool('no-trunc') ? s : trunc(s));
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  for (const k of list) {
    const image = c.bool('resolve-image-path') ? k.imageRef : id(imageIdOf(k.imageDigest));
    rows.push([id(k.id), image, `${humanDuration(now - k.createdAt)} ago`, k.state, k.name, String(k.attempt), id(k.pod.id), k.pod.name, k.pod.namespace]);
  }
  return { ok: true, out: table(rows) };
}

export function listPods(pods: CriPod[], c: CrictlArgs, now: number): ListResult {
  const labels = labelsOf(c);
  if (!labels.ok) return { ok: false, fatal: labels.error };
  const state = c.string('state').toLowerCase();
  if (state !== '' && state !== 'ready' && state !== 'notready') return { ok: false, logFatal: '--state should be ready or notready' };
  const shown = pods
    .filter((p) => p.id.startsWith(c.string('id')) && (state === '' || (state === 'ready') === p.ready))
    .filter((p) => labels.value.every(([key, v]) => p.labels[key] === v))
    .filter((p) => matches(c.string('name'), p.name) && matches(c.string('namespace'), p.namespace))
    .sort(byCreated);
  const list = newest(shown, c);
  if (c.bool('quiet')) return { ok: true, out: list.map((p) => p.id + '\n').join('') };
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const p of list) rows.push([c.bool('no-trunc') ? p.id : trunc(p.id), `${humanDuration(now - p.createdAt)} ago`, p.ready ? 'Ready' : 'NotReady', p.name, p.namespace, '0', '(default)']);
  return { ok: true, out: table(rows) };
}

/**
 * `crictl images`: one row per tag, sorted by first tag. A REPOSITORY[:TAG] argument reaches containerd
 * as ListImages' filter, which containerd's CRI plugin ignores (its TODO: "Add image list filters after CRI
 * defines this more clear"): every image is listed.
 */
export function listImages(images: CriImage[], c: CrictlArgs): ListResult {
  // imageByRef: Go's byte-wise string order of the first tag.
  const key = (i: CriImage) => i.repoTags[0] ?? i.id;
  const sorted = [...images].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (c.bool('quiet')) return { ok: true, out: sorted.map((i) => i.id + '\n').join('') };
  const digests = c.bool('digests');
  const pinned = c.bool('pinned');
  const id = (s: string) => (c.bool('no-trunc') ? s : trunc(s));
  const rows = [['IMAGE', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE', ...(pinned ? ['PINNED'] : [])]];
  for (const i of sorted) {
    const [repo, digest] = (i.repoDigests[0] ?? '<none>@<none>').split('@');
    for (const tag of i.repoTags.length ? i.repoTags : [`${repo}:<none>`]) {
      const colon = tag.lastIndexOf(':');
      rows.push([tag.slice(0, colon), tag.slice(colon + 1), ...(digests ? [id(digest)] : []), id(i.id), humanSize(i.size), ...(pinned ? [String(i.pinned)] : [])]);
    }
  }
  return { ok: true, out: table(rows) };
}
