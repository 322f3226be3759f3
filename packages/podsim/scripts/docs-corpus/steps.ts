/**
 * Turns a page's events into the reader's steps: each command as the page writes it (prompts dropped,
 * `\` continuations and here-documents kept whole), the output block the page prints after it, the
 * virtual time the prose asks the reader to wait, and the files the page tells the reader to save.
 */
import { yamlEntry, yamlKeyPath, type CorpusSection, type CorpusStep } from './format.js';
import type { PageEvent } from './markdown.js';

export interface ExtractedPage {
  sections: CorpusSection[];
  /** Example manifests the page embeds or applies by URL, by their path under content/en/examples. */
  examples: string[];
  /** Files the page asks the reader to create, by name. */
  files: Record<string, string>;
}

/** Words that start a command on the reader's machine or in a container shell. */
const COMMANDS = new Set(
  (
    'kubectl minikube kind gcloud docker sudo ssh systemctl crictl kubeadm helm az aws git go journalctl curl wget echo cat ' +
    'export ls mkdir cd base64 printf rm cp mv touch chmod chown sleep for while if watch grep head tail sed awk tr cut sort ' +
    'uniq wc jq openssl nslookup dig ping ps top kill apt-get apt apk yum dnf env id whoami hostname date diff tar ' +
    'nc nohup vi nano exit source alias unset set python python3 node perl ruby redis-cli psql mysql mongo mongosh ' +
    'cat> tee find du df mount umount ip ss netstat lsof tcpdump stat readlink xargs true false test which seq yes ' +
    'runc nerdctl ctr etcdctl openssl cfssl make bash sh readlink su printenv groups umask dmesg mongosh redis-server nginx ' +
    'lsblk free uname getent host ab kompose'
  ).split(/\s+/),
);

/**
 * A prompt the page writes before a command: `$ `, `% `, `root@pod:/# `, `/ # `, redis-cli's `127.0.0.1:6379> `,
 * or a machine's name (`node $ `).
 */
const PROMPT = /^(?:\$|%|[\w.@-]+:[^\s#$]*[#$]|[\w.-]+:\d+>|\/[\w/]*\s*#|#|[\w-]+ \$)\s+(?=\S)/;
/** A prompt that names a cluster node (`node $ curl -k https://10.244.3.5`): the command is typed on a node. */
const NODE_PROMPT = /^[\w-]*(?:node|minion|worker)[\w-]* \$\s/;

function firstWord(line: string): string {
  const m = /^([A-Za-z_][\w.-]*)(=)?/.exec(line.trim());
  if (!m) return '';
  return m[2] ? 'export' : m[1];
}

/**
 * Where a `$(…)` opened at `open` closes, its quotes and nested parentheses skipped as the shell does
 * (`$(kubectl get nodes -o jsonpath='{ $.items[?(@.type=="InternalIP")].address }')`); -1 if it does not.
 */
function substitutionEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** In a block without a language, `NAME=value` lines are printed environment, not assignments. */
function looksLikeCommand(line: string, lang: string): boolean {
  const w = firstWord(line);
  if (w === 'export' && !/^export\s/.test(line.trim())) {
    // `A=b cmd` or `A=$(…)`; a value with bare spaces (`notAfter=Feb 10 06:02:47 2034 GMT`) is printed text.
    const trimmed = line.trim();
    const open = /^[A-Za-z_]\w*=\$\(/.exec(trimmed);
    const end = open ? substitutionEnd(trimmed, open[0].length - 1) : -1;
    const value = end >= 0 ? `${trimmed.slice(0, open![0].length - 2)}$()${trimmed.slice(end + 1)}` : trimmed;
    const rest = /^[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\$\([^)]*\)|\S)*\s*(.*)$/.exec(value)?.[1] ?? '';
    // Printed environment never holds a command substitution: `name=$(kubectl …)` is typed, in any block.
    // (`$(PROTOCOL)` is Kubernetes' own reference syntax in a printed value, not a substitution.)
    const substituted = COMMANDS.has(/^[A-Za-z_]\w*=\$\(\s*([\w-]+)/.exec(line.trim())?.[1] ?? '');
    return (lang !== '' || substituted) && (rest === '' || rest.startsWith(';') || COMMANDS.has(firstWord(rest)));
  }
  return COMMANDS.has(w);
}

/** Logs in to another machine (a cluster node) with a shell of its own: `ssh my-node1`. */
export function opensNodeShell(cmd: string): boolean {
  return /^ssh\s+(?:-\w+\s+)*[\w.@-]+\s*$/.test(cmd);
}

/** A database client or language prompt given only options (`redis-cli`, `psql -U app`): it reads commands until `exit`. */
const REPL = /^(redis-cli|psql|mysql|mongosh?|python3?|node)(\s+-{1,2}[\w-]+(?:[= ][^-\s]\S*)?)*\s*$/;

/** A database client or language prompt started on the reader's own machine (`mongosh --port 28015` through a port-forward). */
export function opensLocalRepl(cmd: string): boolean {
  return REPL.test(cmd);
}

/** Opens an interactive shell in a container or on a node: later lines are typed into it until `exit`. */
export function opensSession(cmd: string): boolean {
  if (opensNodeShell(cmd)) return true;
  if (!/^kubectl\s+(exec|run|attach|debug)\b/.test(cmd)) return false;
  // Both flags, in any spelling and order (`-it`, `-i --tty`, `--stdin -t`), before the container's command.
  const flags = cmd.split(/\s--\s/)[0];
  if (!/\s(?:-(?!-)\w*i\w*|--stdin(?:=true)?)(?=\s|$)/.test(flags) || !/\s(?:-(?!-)\w*t\w*|--tty(?:=true)?)(?=\s|$)/.test(flags)) return false;
  if (/^kubectl\s+attach\b/.test(cmd)) return true;
  const after = cmd.split(/\s--\s/)[1];
  return after === undefined ? /^kubectl\s+(debug|run)\b/.test(cmd) : /^(\/bin\/|\/usr\/bin\/)?(ba|a)?sh\s*$/.test(after.trim()) || REPL.test(after.trim());
}

/**
 * Compound commands (`for`/`while`/`until`/`if`/`case`/`{` in command position) not yet closed by
 * `done`/`fi`/`esac`/`}`: a `for i in a b` line whose `do` is on the next line is still open.
 */
export function openCompounds(cmd: string): number {
  let depth = 0;
  let commandPosition = true;
  for (const w of cmd.replace(/'[^']*'|"[^"]*"/g, '').split(/[ \t]+|(?=[;\n|&])|(?<=[;\n|&])/)) {
    if (w === '') continue;
    if (commandPosition && ['for', 'while', 'until', 'if', 'case', '{', 'select'].includes(w)) depth++;
    if (commandPosition && ['done', 'fi', 'esac', '}'].includes(w)) depth--;
    commandPosition = /^[;\n|&(]$/.test(w) || ['do', 'then', 'else', 'elif', '{', '!', 'time'].includes(w);
  }
  return depth;
}

/** Splits a shell block into commands; a line that is not a command starts the last command's output. */
function splitBlock(body: string, lang: string): { commands: string[]; output?: string; prompted: boolean; onNode: boolean } {
  const lines = body.replace(/\s+$/, '').split('\n');
  const commands: string[] = [];
  const prompted = lines.some((l) => PROMPT.test(l) && !/^#\s/.test(l));
  const onNode = lines.some((l) => NODE_PROMPT.test(l));
  let i = 0;
  let outputStart: number | undefined;
  while (i < lines.length) {
    let line = lines[i];
    const isComment = /^\s*#(\s|$|!)/.test(line) && !(prompted && PROMPT.test(line) && !/^#\s/.test(line));
    if (line.trim() === '' || isComment) {
      i++;
      continue;
    }
    if (prompted) {
      const p = PROMPT.exec(line);
      if (!p || /^#\s/.test(line)) {
        outputStart = i;
        break;
      }
      line = line.slice(p[0].length);
    } else if (!looksLikeCommand(line, lang)) {
      outputStart = i;
      break;
    }
    // A trailing comment is the page talking to the reader, not part of the command.
    let cmd = line.replace(/\s+#\s[^'"]*$/, '');
    // Continuations and compound commands (`while …; do` … `done`) are pasted whole.
    while ((/\\$/.test(cmd) || openCompounds(cmd) > 0) && i + 1 < lines.length) cmd += '\n' + lines[++i];
    // A here-document may start on a continuation line (`kubectl run … --\` then `mysql -h … <<EOF`).
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(cmd);
    if (heredoc) {
      while (i + 1 < lines.length) {
        cmd += '\n' + lines[++i];
        if (lines[i].trim() === heredoc[1]) break;
      }
    }
    commands.push(cmd.trim());
    i++;
    if (prompted) {
      // Output between this prompt and the next is this command's.
      const next = lines.slice(i).findIndex((l) => PROMPT.test(l) && !/^#\s/.test(l));
      const end = next < 0 ? lines.length : i + next;
      if (end > i && lines.slice(i, end).some((l) => l.trim() !== '')) {
        if (next < 0) {
          outputStart = i;
          break;
        }
        // Several prompted commands each with output: keep only the last one's (steps carry one output).
        i = end;
      }
    }
  }
  const output = outputStart === undefined ? undefined : lines.slice(outputStart).join('\n');
  return { commands, output, prompted, onNode };
}

/** The page says where a block runs: "Run this command on the node where kubelet is running", "Back on your node". */
const ON_NODE = /\bon (?:the|your|that) node\b/i;
/** Prose has the reader open a shell on a node without writing the command ("Open a shell to the single Node in your cluster"). */
const OPEN_NODE_SHELL = /\bopen a (?:new )?shell (?:to|on) (?:the |your |a )?(?:single )?node\b/i;
/** The login such prose stands for: the reader's own node, a placeholder the runner fills in with one of the sandbox's. */
export const OWN_NODE_LOGIN = 'ssh <node-name>';
/** A comment in the block sends its command to a terminal of its own ("# Run this in a separate terminal", "# Start a new terminal, and leave this running"). */
const ELSEWHERE = /^\s*#.*\b(?:separate|another|new|second|other)\s+terminal\b/im;
/** "In the terminal where you created the Pod …, terminate the load generation by typing `<Ctrl> + C`." */
const STOP_ELSEWHERE = /\bin the (?:other |separate )?terminal where\b[^.]*\bCtrl\b/i;
const WAIT = /\b(?:after|wait(?:ing)?|for)\s+(?:another\s+|about\s+|at\s+least\s+|a\s+few\s+more\s+)?(\d+)\s+(seconds?|minutes?)\b/i;
// A name without a known extension counts where the prose calls it a file (`a file named \`config-demo\``).
// A name may carry a further extension (`job.yaml.jinja2` is a template, not `job.yaml`).
const FILE_NAME = /`?([\w./-]+\.(?:ya?ml|json|properties|env|txt|conf|html|sh)(?:\.\w+)*)`?|\bfile named `([\w.-]+)`/g;
/** Prose that says the reader applied the manifest the page just showed without a file name ("After applying the example above, …"). */
const APPLIED_ABOVE = /\bafter applying the (?:example|manifest) above\b/i;
const EXAMPLE_URL = /https:\/\/(?:k8s\.io\/examples|kubernetes\.io\/examples|raw\.githubusercontent\.com\/kubernetes\/website\/main\/content\/en\/examples)\/([\w./-]+)/g;
/** Prose that has the reader run the next command in a Pod ("From within a Pod:", "From a Pod in your cluster, …"). */
const IN_A_POD = /\bfrom (?:within |inside )?a pod\b/i;
const OUTPUT_LANGS = new Set(['', 'none', 'console', 'shell', 'sh', 'bash', 'output', 'yaml', 'json', 'text']);
const COMMAND_LANGS = new Set(['shell', 'sh', 'bash', 'console', '']);

/**
 * The prose says the block comes from elsewhere: another command it names in backticks ("using
 * `kubectl describe pod myapp`", "the command `ls /etc/config/` produces"), an example value
 * ("such as:"), or an example manifest ("For example:").
 */
function otherSource(prose: string, command: string, manifest: boolean): boolean {
  if (/\bsuch as[\s:]*$/i.test(prose.trim())) return true;
  // "For example:" before a whole manifest shows one to write, not what the last command printed.
  if (manifest && /\b(for example|e\.g\.)[\s:.]*$/i.test(prose.trim())) return true;
  for (const m of prose.matchAll(/(?:\b(?:command|using|run(?:ning)?)\s+)`([^`]+)`|`(kubectl\s[^`]+)`/gi)) {
    const named = (m[1] ?? m[2]).trim();
    if (named !== command.trim() && !command.includes(named)) return true;
  }
  return false;
}

/**
 * What the prose asks to change in the editor a `kubectl edit` opens: "change `…image` from `a` to `b`"
 * before the command, or "In the editor that appears, change the value of key `sport` from `football` to `cricket`" after it.
 */
function editAsked(step: CorpusStep, prose: string): void {
  const change = /\bchange\s+(?:the\s+value\s+of\s+(?:the\s+)?(?:key\s+)?)?`[^`]+`\s+from\s+`([^`]+)`\s+to\s+`([^`]+)`/i.exec(prose);
  if (change && !step.edit && /^kubectl\s+edit\b/.test(step.command)) step.edit = { from: change[1], to: change[2] };
}

/**
 * A YAML excerpt the page shows as edited, one line marked (`name: new # Update this field`): the keys
 * leading to that line and its new value.
 */
export function markedField(yaml: string): { field: string[]; to: string } | undefined {
  const lines = yaml.split('\n');
  const i = lines.findIndex((l) => /:\s*\S.*\s#\s*(update|change|edit)\b/i.test(l));
  const value = i < 0 ? '' : (yamlEntry(lines[i])?.value.replace(/\s*#.*$/, '') ?? '');
  if (value === '') return undefined;
  return { field: yamlKeyPath(lines, i), to: value.replace(/^(["'])(.*)\1$/, '$2') };
}

/**
 * YAML lines added at the end of a file continue its last list: a `- path:` item the page shows
 * unindented goes under the manifest's last `- ` entry, at its indentation, as the reader's editor puts it.
 */
export function continueLastList(yaml: string, added: string): string {
  const lines = yaml.replace(/\n+$/, '').split('\n');
  const item = [...lines].reverse().find((l) => /^\s*- /.test(l));
  const indent = item ? (/^\s*/.exec(item)?.[0] ?? '') : '';
  const extra = added.replace(/\n+$/, '').split('\n').map((l) => (l ? indent + l : l));
  return [...lines, ...extra].join('\n') + '\n';
}

/** `example` reads an example manifest by its path under content/en/examples. */
export function extractSteps(events: PageEvent[], example: (path: string) => string | undefined = () => undefined): ExtractedPage {
  const sections: CorpusSection[] = [{ title: '(introduction)', steps: [] }];
  const examples = new Set<string>();
  const files: Record<string, string> = {};
  let prose = '';
  let last: CorpusStep | undefined;
  /** Commands of the last command block when it had no prompts: an output block after it is theirs together. */
  let lastBlockCommands = 1;
  let session = false;
  /** The page's last command that opened a shell in a Pod: "From within a Pod:" later means in that one. */
  let podShell: string | undefined;
  /** The `ssh` that logged in to the node the page works on, while the reader may go back there. */
  let node: string | undefined;
  /** The open session is a shell in a Pod (a node the page works on is still remembered for later). */
  let inPod = false;
  /** The open session is a client's prompt on the reader's machine (mongosh, redis-cli), not a shell. */
  let repl = false;
  /** A manifest the page shows without naming its file: the next `-f NAME` of a file not yet written is it. */
  let unnamed: string | undefined;
  /** Files the page's commands download (`curl -L -o x.yaml URL`): the reader has them without saving a block. */
  const downloaded = new Set<string>();
  /** The example the page showed since the last command (`code_sample`), and the files earlier commands wrote or read. */
  let shown: string | undefined;
  const used = new Set<string>();
  /** The example the page applied or showed whose file name is `name`. */
  const exampleNamed = (name: string): string | undefined => {
    const path = [...examples].find((e) => e.endsWith(`/${name}`));
    return path === undefined ? undefined : example(path);
  };
  /** A file block the page showed since the last command, for a file the reader already has: they save the new version. */
  let resaved: CorpusStep['saves'];
  /** Commands whose output went to a file: no later block is what they printed. */
  const silent = new Set<CorpusStep>();
  /** A `kubectl edit` whose prose asks for a change the next YAML excerpt shows. */
  let editShown: CorpusStep | undefined;
  /** A file's later version, saved once a command follows it (a page's last example changes nothing the reader runs). */
  let laterVersion: { file: string; body: string } | undefined;
  const push = (cmd: string, line: number, onNode = false, nodePrompt = false): CorpusStep => {
    const step: CorpusStep = { command: cmd, line };
    if (laterVersion) files[laterVersion.file] = laterVersion.body;
    laterVersion = undefined;
    const fetched = /^(?:curl|wget)\s.*?\s-[oO]\s*([\w./-]+)/.exec(cmd)?.[1];
    if (fetched) downloaded.add(fetched.replace(/^\.\//, ''));
    const local = /\s(?:-f|--filename)[= ](?!https?:)([\w./-]+\.(?:ya?ml|json))\b/.exec(cmd);
    // A new version of a file the reader already has, shown just before they apply it: they save it over theirs.
    const name = local?.[1].replace(/^\.\//, '');
    const text = name && shown && used.has(name) && shown.endsWith(`/${name}`) ? example(shown) : undefined;
    if (name && text !== undefined) step.saves = { as: name, text };
    if (resaved) step.saves = resaved;
    resaved = undefined;
    for (const m of cmd.matchAll(/(?:>\s*|\s(?:-f|--filename)[= ])(?:\.\/)?([\w.-]+\.(?:ya?ml|json))\b/g)) used.add(m[1]);
    shown = undefined;
    if (local && unnamed !== undefined && !(local[1].replace(/^\.\//, '') in files) && !downloaded.has(local[1].replace(/^\.\//, ''))) {
      files[local[1].replace(/^\.\//, '')] = unnamed;
      unnamed = undefined;
    }
    if (/^(alternatively\b|or\s+(use|run|you can)\b|or:?$)/i.test(prose.trim())) step.alternative = true;
    // "change `…image` from `a` to `b`", "change the value of key `sport` from `football` to `cricket`".
    editAsked(step, prose);
    if (/\bwait for (?:all )?the (?:previous|old) pods to terminate\b/i.test(prose)) step.thenAwaitTermination = true;
    if (STOP_ELSEWHERE.test(prose)) step.stopsElsewhere = true;
    const wait = WAIT.exec(prose);
    if (wait && !/\bwithin\s+\d+/i.test(prose)) step.waitBefore = Number(wait[1]) * (/^min/i.test(wait[2]) ? 60 : 1);
    // kubectl runs on the reader's machine: the page has gone back there (without writing `exit`).
    if (session && /^kubectl\s/.test(cmd)) session = false;
    // The prose sends the reader back into the Pod the page had them open a shell in.
    if (!session && podShell && IN_A_POD.test(prose) && !/^kubectl\s/.test(cmd)) {
      session = true;
      inPod = true;
      step.shell = podShell;
    }
    // kubectl runs on the reader's machine, wherever the prose says its objects live ("a directory on the Node").
    const kubectl = /^kubectl\s/.test(cmd);
    // The prose (or the node's prompt) has the reader log in to their node in a way of their own choosing (`minikube ssh`, ssh, a console).
    if (!session && !kubectl && (OPEN_NODE_SHELL.test(prose) || nodePrompt)) {
      node ??= OWN_NODE_LOGIN;
      session = true;
      inPod = false;
    }
    // Back on the node ("Run these commands on the node…", or a node's own tool): the reader logs in again.
    if (!session && !kubectl && node && (onNode || /^(crictl|systemctl|journalctl)\b/.test(cmd))) {
      session = true;
      inPod = false;
    }
    if (!session) repl = false;
    if (session) step.inSession = true;
    if (session && node && !inPod && !repl) step.node = node;
    for (const m of cmd.matchAll(EXAMPLE_URL)) examples.add(m[1]);
    if (session && /^exit\b/.test(cmd)) {
      session = false;
      if (!inPod && !repl) node = undefined;
      repl = false;
    } else if (!session && opensLocalRepl(cmd)) {
      session = true;
      repl = true;
    } else if (opensSession(cmd)) {
      session = true;
      // One the reader can open again: a shell in a running Pod, or a Pod that goes when its shell ends.
      if (/^kubectl\s+exec\b/.test(cmd) || (/^kubectl\s+run\b/.test(cmd) && /\s--rm\b/.test(cmd))) podShell = cmd;
      inPod = !opensNodeShell(cmd);
      if (!inPod) node = cmd;
    }
    sections[sections.length - 1].steps.push(step);
    prose = '';
    return step;
  };
  for (const e of events) {
    if (e.kind === 'section') {
      sections.push({ title: e.title, steps: [] });
      last = undefined;
      prose = '';
      continue;
    }
    if (e.kind === 'prose') {
      prose += ' ' + e.text;
      if (last && last.expected === undefined && /\bin the editor\b/i.test(e.text)) {
        editAsked(last, e.text);
        if (!last.edit) editShown = last;
      }
      continue;
    }
    if (e.kind === 'sample') {
      examples.add(e.file);
      shown = e.file;
      continue;
    }
    // "In the editor that appears, update …" and the excerpt as edited: the change to make, not an output.
    const marked = editShown && editShown === last && e.lang === 'yaml' ? markedField(e.body) : undefined;
    editShown = undefined;
    if (marked && last) {
      last.edit = marked;
      prose = '';
      continue;
    }
    // `kubectl apply -f - <<EOF` with the manifest inside is a command the reader pastes, not a file to save.
    const lines = e.body.split('\n');
    const opening = lines.find((l) => l.trim() !== '' && !/^\s*#\s/.test(l))?.replace(PROMPT, '') ?? '';
    const heredoc = lines.findIndex((l) => /<<-?\s*['"]?\w+/.test(l));
    const pasted = COMMAND_LANGS.has(e.lang) && looksLikeCommand(opening, e.lang) && heredoc >= 0 && heredoc < lines.findIndex((l) => /^\s*apiVersion:/.test(l));
    const manifest = !pasted && /^\s*apiVersion:/m.test(e.body) && /^\s*kind:/m.test(e.body) && !(last && /(-o|--output)[= ](yaml|json)/.test(last.command));
    const named = [...prose.matchAll(FILE_NAME)].map((m) => m[1] ?? m[2]).filter((f) => !f.includes('/') || f.startsWith('./'));
    // The prose asks the reader to save this block under a name ("create a YAML file named `x.yaml`").
    const saveIt = named.length > 0 && /\b(file|save)\b/i.test(prose);
    // "In file `x.yaml`, replace `<image>` with … such as:" shows a value to type into the file, not the file.
    const value = /\bsuch as[\s:]*$/i.test(prose.trim());
    if (manifest || (e.lang !== '' && !COMMAND_LANGS.has(e.lang) && named.length > 0 && !value && (saveIt || !(last && !last.expected)))) {
      const body = e.body.endsWith('\n') ? e.body : e.body + '\n';
      const file = named.length > 0 ? named[named.length - 1].replace(/^\.\//, '') : undefined;
      // "Edit the existing `x.yaml` manifest, and add the following lines at the end": the file the reader has, extended.
      const extended = file !== undefined && /\badd\s+the\s+following\s+lines\s+at\s+the\s+end\b/i.test(prose) ? (files[file] ?? exampleNamed(file)) : undefined;
      if (file === undefined) unnamed = body;
      else if (file in files && extended === undefined) {
        // Another version of a file the reader has already saved: it replaces theirs only if a command follows.
        laterVersion = { file, body };
        if (used.has(file)) resaved = { as: file, text: body };
      } else {
        files[file] = extended !== undefined ? continueLastList(extended, body) : body;
        if (used.has(file)) resaved = { as: file, text: body };
      }
      prose = '';
      continue;
    }
    // A lone `kubectl run -it … sh` shown as plain text is still a command the reader runs (tasks/debug/debug-service).
    const shell = !COMMAND_LANGS.has(e.lang) && OUTPUT_LANGS.has(e.lang) && !e.body.trim().includes('\n') && opensSession(e.body.trim());
    // "At the MongoDB command line prompt, enter the `ping` command:" and a bare block: what the reader types at the client's prompt.
    const atPrompt = repl && session && e.lang === '' && /\b(enter|type)\b/i.test(prose) && /\bprompt\b/i.test(prose);
    const typedLines = e.body.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const split = atPrompt
      ? { commands: typedLines, output: undefined, prompted: false, onNode: false }
      : COMMAND_LANGS.has(e.lang) || shell
        ? splitBlock(e.body, e.lang)
        : { commands: [] as string[], output: e.body, prompted: false, onNode: false };
    if (split.commands.length > 0) {
      if (unnamed !== undefined && APPLIED_ABOVE.test(prose)) {
        // The reader pastes it, quoted so that their shell leaves the manifest's `$VAR`s alone.
        const said = prose;
        prose = '';
        push(`kubectl apply -f - <<'EOF'\n${unnamed}EOF`, e.line);
        prose = said;
        unnamed = undefined;
      }
      const onNode = ON_NODE.test(prose) || new RegExp(`^\\s*#.*${ON_NODE.source}`, 'im').test(e.body);
      for (const c of split.commands) last = push(c, e.line, onNode, split.onNode);
      if (ELSEWHERE.test(e.body) && last) last.elsewhere = true;
      lastBlockCommands = split.prompted ? 1 : split.commands.length;
      if (split.output !== undefined && last) {
        last.expected = split.output;
        last.expectedLine = e.line;
        if (lastBlockCommands > 1) last.outputOf = lastBlockCommands;
      }
      continue;
    }
    // "The output is similar to: A — or — B": the reader may see either.
    if (last && last.expected !== undefined && /^or:?$/i.test(prose.trim()) && OUTPUT_LANGS.has(e.lang) && split.output !== undefined) {
      (last.alternatives ??= []).push(split.output.replace(/\s+$/, ''));
      prose = '';
      continue;
    }
    // The command wrote its output to a file the prose then opens ("Open the `/tmp/hpa-v2.yaml` file in an editor"): it printed nothing.
    const written = last && /(?<![>&\d])>\s*([\w./-]+)\s*$/.exec(last.command)?.[1];
    if (written && prose.includes(written)) silent.add(last!);
    if (last && last.expected === undefined && !silent.has(last) && OUTPUT_LANGS.has(e.lang) && split.output !== undefined && !otherSource(prose, last.command, /^\s*apiVersion:/m.test(e.body) && /^\s*kind:/m.test(e.body))) {
      last.expected = split.output.replace(/\s+$/, '');
      last.expectedLine = e.line;
      if (lastBlockCommands > 1) last.outputOf = lastBlockCommands;
    }
    prose = '';
  }
  return { sections: sections.filter((s) => s.steps.length > 0), examples: [...examples].sort(), files };
}
