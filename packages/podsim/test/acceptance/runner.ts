/**
 * Runs one corpus scenario (a page section) as a reader would: a fresh sandbox holding the files the
 * page asks for, the page's earlier sections replayed first (unscored), then each step typed into
 * the terminal. Between steps virtual time passes as a reader's would: what the prose asks ("After
 * 35 seconds, …") or a few seconds to read on and type, and, after a step, until no pod is still being started (bounded). A command that
 * does not return (a watch, port-forward, a foreground server) is stopped with Ctrl+C, as a reader does; a watch
 * once it shows what the page printed (bounded).
 */
import type { KubeObject, Pod } from '../../src/api/types.js';
import { HOSTNAME, USER } from '../../src/host/machine.js';
import { Sandbox } from '../../src/host/sandbox.js';
import { ADDONS } from '../../src/host/addons.js';
import { plainText } from '../../src/format/screen-text.js';
import { isPageMistake, type CorpusPage, type CorpusStep } from './corpus.js';
import { similar } from './similar.js';
import { edited } from './reader-editor.js';
import { paceAsThePage, typeAgainWhileScraping, waitAsThePage } from './reader-pace.js';
import { isWatch, SecondTerminal } from './second-terminal.js';
import { letWatchedPodsSettle } from './reader-watch.js';
import { learnNames, ownNames } from './reader-names.js';

/** Where the docs serve their example manifests (the spellings the pages use). */
const EXAMPLE_BASES = ['https://k8s.io/examples/', 'https://kubernetes.io/examples/', 'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/'];

/** How long add-ons run before a page's first step (metrics-server: ready after two 15 s scrapes, then Available). */
const ADDON_READY_MS = 60_000;
/** Longest a reader lets one command run before pressing Ctrl+C (virtual; a delete waits out a 30 s grace period). */
const STEP_MAX_MS = 90_000;
/**
 * A watch whose output the page prints is what the reader looks at until the page's state shows (all the pods
 * Running): they keep it open past STEP_MAX_MS, up to this long, then press Ctrl+C (virtual).
 */
const WATCH_MAX_MS = 240_000;
/** How often that reader looks at the watch again (virtual). */
const WATCH_LOOK_MS = 10_000;
/** A reader takes a few seconds to read on, then type or paste the next command (virtual). */
const READER_PACE_MS = 3_000;
/** Longest the harness waits for pods to leave ContainerCreating/PodInitializing after a step (virtual). */
const START_MAX_MS = 120_000;

export interface StepResult {
  step: CorpusStep;
  output: string;
  exitCode: number;
  scored: boolean;
  match: boolean;
  /** Page lines not found in our output, when the page printed output. */
  missing: string[];
  /** Images that failed to pull in the cluster after this step (for cause attribution). */
  pullFailures: string[];
  /** The first earlier step of the scenario (its replayed setup included) that did not match. */
  after?: string;
  /** A command the page types in a container's shell ran in the reader's own shell: no container shell was open. */
  outsideSession?: boolean;
}

/**
 * The files in the reader's directory: those the page asks to save, and each example the page shows
 * (with its download link) that a command then names by its own file name (`kubectl create -f x.yaml`
 * under the sample of `/controllers/x.yaml`): the reader saved it there.
 */
export function filesFor(page: CorpusPage): Record<string, string> {
  const files = { ...page.files };
  const named = new Set(page.sections.flatMap((s) => s.steps).flatMap((st) => [...st.command.matchAll(/\s(?:-f|--filename)[= ](?:\.\/)?([\w.-]+)/g)].map((m) => m[1])));
  for (const [path, text] of Object.entries(page.examples)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (named.has(name) && !(name in files)) files[name] = text;
  }
  return files;
}

export function webFor(page: CorpusPage): Record<string, string> {
  const web: Record<string, string> = {};
  for (const [path, text] of Object.entries(page.examples)) for (const base of EXAMPLE_BASES) web[base + path] = text;
  return web;
}

type PodObj = Pod & KubeObject;

function pods(sb: Sandbox): PodObj[] {
  const r = sb.cluster.api.list<PodObj>('pods', undefined);
  return r.ok ? r.value.items : [];
}

function starting(p: PodObj): boolean {
  if (p.metadata.deletionTimestamp) return false;
  const waiting = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].map((s) => s.state?.waiting?.reason);
  if (waiting.some((r) => r === 'ContainerCreating' || r === 'PodInitializing')) return true;
  // Just created and not yet looked at by the scheduler or the kubelet.
  return p.status?.phase === 'Pending' && !p.status?.conditions?.length;
}

function letPodsStart(sb: Sandbox): void {
  const end = sb.now() + START_MAX_MS;
  while (pods(sb).some(starting) && sb.now() < end) sb.advance(500);
}

/** The reader waits, as the prose asks, until no pod is still terminating (bounded). */
function letPodsTerminate(sb: Sandbox): void {
  const end = sb.now() + START_MAX_MS;
  while (pods(sb).some((p) => p.metadata.deletionTimestamp) && sb.now() < end) sb.advance(1000);
}

function pullFailures(sb: Sandbox): string[] {
  const out = new Set<string>();
  for (const p of pods(sb))
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
      const r = s.state?.waiting?.reason;
      if (r === 'ErrImagePull' || r === 'ImagePullBackOff' || r === 'InvalidImageName') out.add(s.image);
    }
  return [...out];
}

/**
 * A node the page names (`kubectl debug node/mynode`, `ssh my-node1`) that this cluster lacks is the reader's own
 * node, as for a `<node-name>` placeholder: the first worker here, in this and every later command.
 */
function ownNodes(t: Terminal, command: string): string {
  const ours = t.sb.cluster.nodeNames();
  const worker = ours.find((n) => n !== 'controlplane');
  for (const m of command.matchAll(/\bnodes?\/([a-z0-9][\w.-]*)/g)) if (worker && !ours.includes(m[1])) t.nodes.set(m[1], worker);
  // `ssh my-node1`: the page's node to log in to, the reader's own worker here.
  for (const m of command.matchAll(/^ssh\s+(?:-\w+\s+)*(?:[\w.-]+@)?([a-z0-9][\w.-]*)\s*$/gm)) if (worker && !ours.includes(m[1])) t.nodes.set(m[1], worker);
  let out = command;
  for (const [page, mine] of t.nodes) {
    const name = page.replace(/[.]/g, '\\.');
    // A control plane's static pod (`kube-scheduler-minikube`) is on the control plane: a one-node cluster's node is both.
    out = out.replace(new RegExp(`\\b(kube-apiserver|kube-controller-manager|kube-scheduler|etcd)-${name}(?![\\w.])`, 'g'), '$1-controlplane');
    out = out.replace(new RegExp(`(?<![\\w.])${name}(?![\\w.])`, 'g'), mine);
  }
  return out;
}

/**
 * Text that tells the reader a command failed, when the page shows no output to compare. lsof's per-file
 * notes (`/proc/29/cwd (readlink: Permission denied)`, a process root may not inspect without CAP_SYS_PTRACE)
 * are part of a listing that succeeded.
 */
const ERROR_TEXT =
  /^(error|Error from server|Error:|E\d{4} )|command not found|: not found$|not available in this sandbox|unknown (shorthand )?flag|OCI runtime exec failed|Unable to locate package|^ERROR:|No such file or directory|can't open|(?<!\((?:readlink|opendir): )Permission denied/m;

/** Commands that serve until stopped; pages use them from a second terminal while the reader goes on. */
const SERVER = /^kubectl\s+(proxy|port-forward)\b/;

interface Terminal {
  sb: Sandbox;
  /** Node names the page used that this cluster lacks (`node/mynode`), and the node the reader means by each. */
  nodes: Map<string, string>;
  /** A server the reader left running (in the background here, in another terminal on the page). */
  serving: boolean;
  /** The change the prose asks for in the editor the current command opens. */
  edit?: CorpusStep['edit'];
  /** Addresses and node ports the page printed and this cluster's in their place, which the reader types instead. */
  addresses: Map<string, string>;
  /** Generated names the page printed and this cluster's in their place (learnNames). */
  names: Map<string, string>;
  /** Where the reader runs a watch while going on here. */
  second: SecondTerminal;
  /** Where the reader left running what the page had them start in a separate terminal. */
  elsewhere: SecondTerminal;
}

const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g;
/** A node port: the API server draws it at random from 30000-32767 (--service-node-port-range's default). */
const NODE_PORT = /(?<![\w.-])3[0-2]\d{3}(?![\w.-])/g;

const distinct = (s: string, values: RegExp, keep: (v: string) => boolean): string[] => [...new Set(s.match(values) ?? [])].filter(keep);
/** What a page's cluster drew where this one drew its own, and the values of each kind to leave alone. */
const DRAWN: [RegExp, (v: string) => boolean][] = [
  [IPV4, (ip) => !ip.startsWith('127.') && ip !== '0.0.0.0'],
  [NODE_PORT, (port) => Number(port) <= 32767],
];

/**
 * A page's output names its cluster's addresses where ours names this cluster's (a pod's IP, the
 * Service's cluster IP, the DNS server's), and its node ports where ours has ours: when both name as
 * many distinct ones of a kind, they correspond in order of first appearance, and a later command
 * that types the page's value means ours.
 */
export function learnAddresses(addresses: Map<string, string>, expected: string, output: string): void {
  for (const [values, keep] of DRAWN) {
    const page = distinct(expected, values, keep);
    const ours = distinct(output, values, keep);
    if (page.length !== ours.length) continue;
    page.forEach((v, k) => {
      if (v !== ours[k] && !addresses.has(v)) addresses.set(v, ours[k]);
    });
  }
}

export function ownAddresses(addresses: ReadonlyMap<string, string>, command: string): string {
  return command.replace(IPV4, (ip) => addresses.get(ip) ?? ip).replace(NODE_PORT, (port) => addresses.get(port) ?? port);
}

function typeStep(t: Terminal, command: string, shown?: (output: string) => boolean): { output: string; exitCode: number } {
  const sb = t.sb;
  // The reader stops the server they started before starting another (the pages' variants use the same port).
  if (SERVER.test(command) && t.serving) {
    sb.runLine('kill %1', STEP_MAX_MS);
    t.serving = false;
  }
  // Continuation lines and here-documents are typed as the reader pastes them: line by line.
  const lines = command.split('\n');
  for (const l of lines.slice(0, -1)) sb.write(l + '\r');
  const r = sb.runLine(lines[lines.length - 1], STEP_MAX_MS);
  let output = r.output;
  // kubectl attach's hint with no prompt after it (the client drew its prompt before the attach): the reader presses Enter.
  if (sb.tty.awaitingInput && /^If you don't see a command prompt, try pressing enter\.\n$/m.test(plainText(sb.screen()).split('\n').slice(-2).join('\n'))) {
    output += plainText(sb.captureOutput(() => {
      sb.write('\r');
      sb.settle(1000);
    })).replace(/[^\n]*$/, '');
  }
  if (!sb.tty.awaitingInput && SERVER.test(command)) {
    // One terminal stands for two: the server goes on in the background.
    sb.captureOutput(() => {
      sb.write('\x1a');
      sb.settle(1000);
    });
    sb.runLine('bg', STEP_MAX_MS);
    t.serving = true;
    return { output, exitCode: 0 };
  } else if (!sb.tty.awaitingInput) {
    for (let waited = STEP_MAX_MS; shown && waited < WATCH_MAX_MS && !shown(output); waited += WATCH_LOOK_MS) output += plainText(sb.captureOutput(() => sb.settle(WATCH_LOOK_MS)));
    const raw = sb.captureOutput(() => {
      sb.write('\x03');
      sb.settle(STEP_MAX_MS);
    });
    // What Ctrl+C showed, without the prompt that follows it.
    output += plainText(raw).replace(/[^\n]*$/, '');
  }
  return { output, exitCode: r.exitCode };
}

/**
 * A watch the page starts without showing its output runs in the reader's second terminal while they go on
 * here; the same watch shown later is what that terminal printed from its start (then stopped with Ctrl+C).
 */
function watchStep(t: Terminal, step: CorpusStep): { output: string; exitCode: number } | undefined {
  if (step.inSession || !isWatch(step.command)) return undefined;
  if (step.expected === undefined) {
    t.second.start(step.command);
    letWatchedPodsSettle(t.sb, step.command);
    return { output: '', exitCode: 0 };
  }
  if (t.second.shows(step.command)) return { output: t.second.look(), exitCode: 0 };
  return undefined;
}

/** A command the page has the reader leave running in a separate terminal: they go on here. */
function elsewhereStep(t: Terminal, step: CorpusStep): { output: string; exitCode: number } | undefined {
  if (!step.elsewhere) return undefined;
  t.elsewhere.start(ownNames(t, step.command));
  return { output: '', exitCode: 0 };
}

/**
 * The terminal shows the reader's own prompt (not a container shell's). Output without a final newline
 * (a jsonpath, curl of a JSON body) puts the prompt after it on the same line.
 */
function atHostPrompt(sb: Sandbox): boolean {
  const last = lastLine(sb);
  return new RegExp(`${USER}@${HOSTNAME}:[^\\s]*\\$\\s*$`).test(last);
}

/** The terminal shows a shell on one of the cluster's nodes (`root@node01:~#`). */
function onNode(sb: Sandbox): boolean {
  const host = /^[\w-]+@([\w.-]+):[^\s]*[#$]\s*$/.exec(lastLine(sb))?.[1];
  return host !== undefined && sb.cluster.nodeNames().includes(host);
}

function lastLine(sb: Sandbox): string {
  return plainText(sb.screen()).split('\n').pop() ?? '';
}

function runStep(t: Terminal, step: CorpusStep, scored: boolean, earlier: readonly string[], next?: CorpusStep): StepResult {
  const sb = t.sb;
  t.edit = step.edit;
  // A reader leaves a container's shell before typing a command meant for their own machine, and the
  // shell they are in (a Pod's, a node's) before a command the page has them type in the other.
  const elsewhere = step.node ? !onNode(sb) : step.shell !== undefined && onNode(sb);
  if ((!step.inSession || elsewhere) && !atHostPrompt(sb)) typeStep(t, 'exit');
  // The page sends the reader back into the Pod it had them open a shell in.
  if (step.shell && atHostPrompt(sb)) typeStep(t, ownNames(t, step.shell));
  // …or onto the node it had them log in to.
  else if (step.node && atHostPrompt(sb)) typeStep(t, ownNames(t, ownNodes(t, step.node)));
  if (step.saves) sb.writeFile(step.saves.as, step.saves.text);
  if (step.waitBefore) sb.advance(step.waitBefore * 1000);
  else sb.advance(paceAsThePage(sb, step, (name) => ownNames(t, name), READER_PACE_MS));
  waitAsThePage(sb, step, (name) => ownNames(t, name));
  const wasHome = atHostPrompt(sb);
  const shellPrompt = wasHome ? '' : lastLine(sb).trimEnd();
  if (step.stopsElsewhere) t.elsewhere.stop();
  const expected = step.expected === undefined ? [] : [step.expected, ...(step.alternatives ?? [])];
  const shown = isWatch(step.command) && expected.length > 0 ? (out: string) => expected.some((e) => similar(e, out).match) : undefined;
  const typed = elsewhereStep(t, step) ?? watchStep(t, step) ?? typeAgainWhileScraping(sb, () => typeStep(t, ownAddresses(t.addresses, ownNames(t, ownNodes(t, step.command))), shown));
  const home = atHostPrompt(sb);
  // The prompt of the container shell a command opened is part of what it shows (runLine drops the last line).
  const opened = wasHome && !home ? lastLine(sb).trimEnd() : '';
  // Output without a final newline in a container's shell has that shell's prompt after it on its line.
  const after = home ? '' : lastLine(sb).trimEnd();
  const glued = shellPrompt && after !== shellPrompt && after.endsWith(shellPrompt) ? `${after.slice(0, -shellPrompt.length)}\n` : '';
  const output = typed.output + glued + (opened ? `${opened}\n` : '');
  // In a container's shell the reader's shell has not finished a command: only the text tells.
  const exitCode = home ? typed.exitCode : 0;
  // A reader about to start a watch to see pods start does not wait for them first.
  if (!(next && isWatch(next.command) && !t.second.shows(next.command))) letPodsStart(sb);
  if (step.thenAwaitTermination) letPodsTerminate(sb);
  const counted = scored && !step.outOfScope;
  let verdict: { match: boolean; missing: string[] } = { match: exitCode === 0 && !ERROR_TEXT.test(output), missing: [] };
  if (step.expected !== undefined) {
    // One output block printed for several commands is compared with their outputs together.
    const together = [...earlier.slice(earlier.length - (step.outputOf ?? 1) + 1), output].join('');
    verdict = expected.map((e) => similar(e, together)).find((v) => v.match) ?? similar(step.expected, together);
    learnAddresses(t.addresses, step.expected, output);
    learnNames(t, step.expected, output);
  }
  const outsideSession = step.inSession === true && wasHome;
  return { step, output, exitCode, scored: counted, match: verdict.match, missing: verdict.missing, pullFailures: pullFailures(sb), ...(outsideSession ? { outsideSession } : {}) };
}

/** The reader types every step but those needing what the sandbox lacks; a page mistake is typed and not scored. */
const typed = (step: CorpusStep): boolean => !step.outOfScope || isPageMistake(step.outOfScope);

/** The pages a scenario of `page` replays first: the ones it continues from, oldest first. */
function chain(page: CorpusPage, byName: ReadonlyMap<string, CorpusPage>): CorpusPage[] {
  const before: CorpusPage[] = [];
  for (let p = page.continues ? byName.get(page.continues) : undefined; p && !before.includes(p); p = p.continues ? byName.get(p.continues) : undefined) before.unshift(p);
  return before;
}

/**
 * The steps on one reader's path: of the commands a page offers as alternatives to each other, the
 * reader runs one, the first unless `chosen` is another.
 */
export function onPath(steps: readonly CorpusStep[], chosen?: CorpusStep): Set<CorpusStep> {
  const path = new Set<CorpusStep>();
  let group: CorpusStep[] = [];
  const close = (): void => {
    const pick = group.find((s) => s === chosen) ?? group[0];
    if (pick) path.add(pick);
  };
  for (const s of steps) {
    if (s.alternative && group.length > 0) group.push(s);
    else {
      close();
      group = [s];
    }
  }
  close();
  return path;
}

/**
 * Runs section `index` of `page` on a fresh sandbox; the pages it continues from and its earlier
 * sections are replayed first, unscored. A command the page offers instead of another is scored on
 * the path of a reader who took it.
 */
export function runSection(page: CorpusPage, index: number, byName: ReadonlyMap<string, CorpusPage> = new Map(), seed = 1): StepResult[] {
  const results = runPath(page, index, byName, seed);
  return results.map((r) => (r.step.alternative && !r.step.outOfScope ? (runPath(page, index, byName, seed, r.step).find((a) => a.step === r.step) ?? r) : r));
}

function runPath(page: CorpusPage, index: number, byName: ReadonlyMap<string, CorpusPage>, seed: number, chosen?: CorpusStep): StepResult[] {
  const pages = [...chain(page, byName), page];
  const files = Object.assign({}, ...pages.map(filesFor)) as Record<string, string>;
  const web = Object.assign({}, ...pages.map(webFor)) as Record<string, string>;
  // A page that has the reader enable a cluster add-on (`minikube addons enable metrics-server`), or whose
  // prerequisites say one must run, gets a cluster with it.
  const enabled = pages.flatMap((p) => [...(p.addons ?? []), ...p.sections.flatMap((sec) => sec.steps.flatMap((st) => /^minikube addons enable ([\w-]+)/.exec(st.command)?.[1] ?? []))]);
  const addons = [...new Set(enabled)].filter((a) => Object.hasOwn(ADDONS, a));
  const workers = [...pages].reverse().find((p) => p.workers !== undefined)?.workers;
  // …and the feature gates its prerequisites say must be enabled, as the reader's kind or kubeadm configuration set them.
  const featureGates = Object.fromEntries(pages.flatMap((p) => p.featureGates ?? []).map((g) => [g, true]));
  const sb = new Sandbox({ seed, files, web, addons, featureGates, cols: 200, rows: 50, ...(workers ? { workers } : {}) }, { respawn: true });
  // The reader enabled them before reading on: metrics-server has scraped and its API is available.
  if (addons.length) sb.advance(ADDON_READY_MS);
  letPodsStart(sb);
  const t: Terminal = { sb, nodes: new Map(), serving: false, addresses: new Map(), names: new Map(), second: new SecondTerminal(sb), elsewhere: new SecondTerminal(sb) };
  sb.onOpenEditor((req) => {
    const text = edited(req.content, t.edit);
    if (text !== undefined) sb.writeFile(req.path, text);
    sb.editorClosed(req.path, text !== undefined);
  });
  const outputs: string[] = [];
  // A failure in the pages replayed first is not this page's: only the page's own steps set `after`.
  for (const p of pages.slice(0, -1)) {
    const steps = p.sections.flatMap((s) => s.steps);
    const path = onPath(steps);
    const run = steps.filter((step) => typed(step) && path.has(step));
    run.forEach((step, k) => outputs.push(runStep(t, step, false, outputs, run[k + 1]).output));
  }
  const path = onPath(page.sections.flatMap((s) => s.steps), chosen);
  const run = page.sections.flatMap((s) => s.steps).filter((step) => typed(step) && path.has(step));
  const results: StepResult[] = [];
  let after: string | undefined;
  page.sections.forEach((section, k) => {
    if (k > index) return;
    for (const step of section.steps) {
      if ((!typed(step) || !path.has(step)) && k < index) continue;
      if (!typed(step) || !path.has(step)) {
        results.push({ step, output: '', exitCode: 0, scored: false, match: false, missing: [], pullFailures: [] });
        continue;
      }
      const r = { ...runStep(t, step, k === index, outputs, run[run.indexOf(step) + 1]), after };
      outputs.push(r.output);
      // A page mistake fails on a real cluster too: the steps after it do not follow a failure of ours.
      if (!r.match && !step.outOfScope) after ??= step.command;
      if (k === index) results.push(r);
    }
  });
  return results;
}
