/**
 * "The output is similar to": how a page's printed output is compared with the simulator's.
 *
 * Pages print excerpts of real runs on other clusters, some from older kubectl versions. So:
 * - every non-empty line the page prints must be found in our output (each of our lines used once;
 *   order is not required, pages cut and reorder excerpts, e.g. `requests` before `limits` in YAML);
 *   `...`/`…` in a page line matches anything, and a page's `<placeholder>` matches one value;
 * - whitespace runs count as one space and indentation is ignored (excerpts are re-indented);
 * - values that differ between any two runs are normalised on both sides, generically: ages, times,
 *   IPs, UIDs, container/image IDs, generated name suffixes (in a NAME column also the any-letter ones of
 *   clusters before 1.5), resource versions, node names, and
 *   measured usage (`kubectl top`, ps's PIDs, CPU times, memory sizes and start times), node ports, `ls -l` times, certificate dates, the atomic writer's timestamped
 *   directories, a user namespace's first host ID, and image references written in full or short (`docker.io/library/nginx:latest` is `nginx`);
 * - differences that are only the version a page was written with are normalised too, each named
 *   where it is done: `kubelet, NODE` event sources (kubectl ≤1.14), `KIND "NAME" created` (kubectl
 *   ≤1.10 printed that for create/apply/expose/label…; 1.32 prints `KIND/NAME created`), the pull
 *   time and image size the kubelet has appended to `Successfully pulled image` since 1.25/1.29;
 *   ScalingReplicaSet events without `from M`, describe's `Annotations: key=value`, OldReplicaSets
 *   without those scaled to 0 (kubectl ≤1.26), rollout status without the object's name (≤1.5), Job
 *   labels without their `batch.kubernetes.io/` prefix (≤1.26), the ACCESSMODES/RECLAIMPOLICY columns
 *   (kubectl ≤1.10), describe's last-applied-configuration annotation (kubectl ≤1.18),
 *   ServiceAccounts' generated token Secrets (≤1.23), `KIND "NAME" deleted` without the API group (≤1.10), a
 *   deleted pod whose containers stopped shown `Terminating` (before kubernetes#122038), the header printed again
 *   above a watch's events, kubectl run's wait and `Hit enter` texts (1.2, 2015), a Service's labels exposed from a
 *   Deployment whose labels extensions/v1beta1 defaulted from its template (≤1.15); and the cluster's default
 *   StorageClass (`standard` where pages were written);
 * - tables (an upper-case header, or a title-case one underlined with dashes) are compared by
 *   column name: a page row matches a row of ours with the same values in the page's columns, the
 *   volatile columns (AGE, IP, NODE, …) excepted; the page's header columns must all exist in ours
 *   (a page may keep the NAME column alone); ps tables are read by their words (`psHeader`);
 * - a page line not found may be the start of one long line the page wrapped by hand: it and the next
 *   lines, joined with a space, are looked for as one.
 */

/** Columns whose values change between runs, or name this cluster's nodes. */
const VOLATILE_COLUMNS = new Set([
  'AGE', 'LAST SEEN', 'IP', 'IPS', 'NODE', 'NOMINATED NODE', 'INTERNAL-IP', 'EXTERNAL-IP', 'CLUSTER-IP', 'OS-IMAGE', 'KERNEL-VERSION',
  'CONTAINER-RUNTIME', 'VERSION', 'CPU(CORES)', 'MEMORY(BYTES)', 'CPU%', 'MEMORY%', 'CPU(cores)', 'MEMORY(bytes)', 'Age', 'From', 'ENDPOINTS',
  'CONTAINER ID', 'CREATED', 'PORTS', 'PORT(S)', 'DURATION', 'COMPLETIONS',
  // ps: PIDs after 1 depend on what ran in the namespace before (each runc exec uses some); TIME is CPU used;
  // procps' %CPU, %MEM, VSZ and RSS are measured usage, START/STIME the time the process started.
  'PID', 'TIME', '%CPU', '%MEM', 'VSZ', 'RSS', 'START', 'STIME',
]);

/**
 * Column headers of ps (procps-ng's and busybox's format specifiers): their tables are aligned on
 * whitespace, numbers to the right, and a header may put a single space between two columns
 * (`PID %CPU %MEM`), so cells are the row's words, the last column (the command) taking the rest.
 */
const PS_HEADERS = new Set([
  'USER', 'RUSER', 'UID', 'GROUP', 'PID', 'PPID', 'PGID', 'SID', 'LWP', 'NLWP', 'C', '%CPU', '%MEM', 'VSZ', 'RSS', 'SZ', 'NI', 'PRI', 'F', 'S',
  'TTY', 'TT', 'STAT', 'START', 'STIME', 'ELAPSED', 'TIME', 'WCHAN', 'ADDR', 'COMMAND', 'CMD', 'ARGS', 'COMM',
]);
const PS_LAST = new Set(['COMMAND', 'CMD', 'ARGS', 'COMM']);

const K8S_RANDOM = '[bcdfghjklmnpqrstvwxz2456789]';

/**
 * Version: column names the page's older kubectl printed, as 1.32 names them. Until server-side
 * printing (1.11) kubectl's own printers (pkg/printers/internalversion/printers.go,
 * `persistentVolumeColumns`, `persistentVolumeClaimColumns`) wrote ACCESSMODES and RECLAIMPOLICY;
 * the API server's column definitions are `Access Modes` and `Reclaim Policy`.
 */
const OLD_COLUMN_NAMES: Record<string, string> = { ACCESSMODES: 'ACCESS MODES', RECLAIMPOLICY: 'RECLAIM POLICY' };

/** Generic replacements of values that differ between runs, applied to both sides. */
const VALUE_RULES: [RegExp, string][] = [
  // Version: an older kubectl wrote `-o json` members in the typed object's field order (`kind`, `apiVersion`, `metadata`,
  // …); 1.32 prints unstructured objects, whose members json.MarshalIndent sorts by key (cli-runtime printers/json.go). Which
  // member ends its object, without a comma, is only that order.
  [/^((?:"[^"]*":\s*)?(?:"(?:[^"\\]|\\.)*"|-?\d[\d.e+-]*|true|false|null|\{\}|\[\]|\}|\]))\s*,$/g, '$1'],
  [/\(x\d+ over [^)]*\)/g, ''],
  // Version: kubelet ≥1.25 appends " in 1.2s", ≥1.29 " (1.2s including waiting). Image size: N bytes.".
  [/(Successfully pulled image "[^"]+") in \S+( \(\S+ including waiting\)\. Image size: \d+ bytes\.)?/g, '$1'],
  // Version: kubectl ≤1.10 wrote `secret "x" created`; 1.32 `secret/x created` (delete still prints the quoted form).
  [/^([a-z][\w.-]*) "([^"]+)" (created|configured|unchanged|labeled|annotated|patched|exposed|scaled|autoscaled)$/g, '$1/$2 $3'],
  // Version: those releases named the kind alone in `… deleted` too (`statefulset "web" deleted`); 1.32 adds its API
  // group (`statefulset.apps "web" deleted`).
  [/^([a-z][\w-]*)\.[a-z][\w.-]* ("[^"]+" deleted)$/g, '$1 $2'],
  // Version: the deployment controller's ScalingReplicaSet events said `… to N` until kubernetes#101142 added
  // the old count (`to N from M`), which kubernetes#125118 (1.31) reordered to `from M to N`.
  [/(Scaled (?:up|down) replica set \S+) (?:from \d+ )?to (\d+)(?: from \d+)?/g, '$1 to $2'],
  // Version: kubectl describe printed annotations `key=value` (2016–2018 pages); by 2019 (kubernetes/kubectl
  // 26927b48e, the describers' move to staging) it printed `key: value`, as 1.32 does.
  [/^(Annotations:\s+)([a-z0-9][\w./-]*)=/g, '$1$2: '],
  // Version: kubectl ≤1.5 wrote `Waiting for rollout to finish: …` (kubernetes#40224, 2017); later ones name the
  // object, `Waiting for deployment "app" rollout to finish: …` (kubernetes/kubectl#1284, 2022; 1.32 alike).
  [/^Waiting for deployment "[^"]+" rollout to finish: /g, 'Waiting for rollout to finish: '],
  // Version: kubectl run/attach 1.2 told the reader `Hit enter for command prompt` (kubernetes#16908, 2015); 1.32's
  // attach prints `If you don't see a command prompt, try pressing enter.` (kubectl pkg/cmd/attach/attach.go).
  [/^Hit enter for command prompt$/g, "If you don't see a command prompt, try pressing enter."],
  // A page run from a kubernetes/website checkout names an example by its path there (`error when creating
  // "examples/admin/…"`); the command as the page writes it reads the same file from https://k8s.io/examples/.
  [/(error when \w+ ")https:\/\/k8s\.io\/(examples\/)/g, '$1$2'],
  // Version: LimitRanger's refusals ended with a period (`… but limit is 1500m.`, the 2016 admission.go); release-1.32's
  // admission.go (plugin/pkg/admission/limitranger) writes them without.
  [/(usage per \w+ is \S+(?:, but (?:request|limit) is \S+|\. {2}No (?:request|limit) is specified))\.$/g, '$1'],
  // Version: the Job controller's labels and selector gained the `batch.kubernetes.io/` prefix in 1.27 (kubernetes#114930).
  [/\bbatch\.kubernetes\.io\/(controller-uid|job-name)\b/g, '$1'],
  // `date`'s default format (`Fri Feb 22 11:02:09 UTC 2019`): the time the command ran.
  [/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d [A-Z]{2,5} \d{4}\b/g, '<time>'],
  // One image reference, two spellings: containerd reports `docker.io/library/nginx:latest` for `nginx`.
  [/\bdocker\.io\/library\/(?=[a-z0-9])/g, ''],
  [/\b(image: |Image: )(\S+):latest\b/g, '$1$2'],
  // Certificate validity as openssl prints it (`Feb 13 05:57:47 2024 GMT`): set when the cluster was installed.
  [/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d \d{4} GMT\b/g, '<time>'],
  // `ls -l` times and the atomic writer's timestamped directory (`..2024_01_02_03_04_05.123`).
  [/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +(\d\d:\d\d|\d{4})\b/g, '<time>'],
  [/\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+/g, '..<timestamp>'],
  // A pod's user namespace (hostUsers: false) starts at the 65536-ID slot the kubelet took at random
  // (pkg/kubelet/userns/userns_manager.go allocateOne: AllocateNext of a random-scan allocation map).
  [/^0\s+\d+\s+65536$/g, '0 <hostid> 65536'],
  // Node ports are allocated at random from 30000-32767.
  [/^(NodePort:\s+\S+\s+)3\d{4}\//g, '$1<port>/'],
  [/\b((?:nodePort|healthCheckNodePort)"?:\s*)3\d{4}\b/g, '$1<port>'],
  // Version: the API server defaults a load balancer's ipMode to VIP since 1.30 (LoadBalancerIPMode beta), and
  // kubectl describe has printed it after the address since 1.31 (kubernetes#125117): `LoadBalancer Ingress: IP (VIP)`.
  [/^(LoadBalancer Ingress:\s+\S+) \((?:VIP|Proxy)\)$/g, '$1'],
  // A load balancer's address is the provider's: an IP here and on most clouds, a generated DNS name on AWS
  // (`a320587f…-1142138393.us-east-1.elb.amazonaws.com`), one per load balancer.
  [/^(LoadBalancer Ingress:\s+)[a-z0-9-]*[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/g, '$1<ip>'],
  [/\(\d+\w* ago\)/g, ''],
  [/\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?( [+-]\d{4})?( [A-Z]{2,5})?/g, '<time>'],
  [/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>'],
  [/\b(containerd|docker|cri-o):\/\/[0-9a-f]+/g, '<id>'],
  [/sha256:[0-9a-f]{12,}/g, '<digest>'],
  [/\b[0-9a-f]{32,}\b/g, '<id>'],
  [/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(\/\d+)?\b/g, '<ip>'],
  [/\b[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\b(?=[\s,/]|$)/g, '<ip>'],
  // The API server's address is the page's cluster's, its port too: kubeadm serves on 6443 (--apiserver-bind-port),
  // minikube on 8443, managed clusters such as GKE on 443 (the access-cluster page's `10.0.1.149:443`).
  [/("serverAddress": "<ip>):\d+"/g, '$1:<port>"'],
  // A pod of a ReplicaSet; older clusters drew the suffix from all letters and digits.
  [new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-(?=[a-z0-9]*\\d)${K8S_RANDOM.replace(']', '0-9]')}{6,10}-[a-z0-9]{5}\\b`, 'g'), '$1-<hash>-<rand>'],
  [new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-${K8S_RANDOM}{5}\\b`, 'g'), '$1-<rand>'],
  [new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-(?=[a-z0-9]*\\d)${K8S_RANDOM.replace(']', '0-9]')}{6,10}\\b`, 'g'), '$1-<hash>'],
  [/pod-template-hash[=:] ?[a-z0-9]+/g, 'pod-template-hash=<hash>'],
  // Ephemeral and NodePort ports are picked at random (30000 and up).
  [/(<ip>|localhost|\]):[3-6]\d{4}\b/g, '$1:<port>'],
  [/"?resourceVersion"?: "?\d+"?/g, 'resourceVersion: <rv>'],
  [/\bkubelet, \S+/g, 'kubelet'],
  [/kubernetes\.io\/hostname=[\w.-]+/g, 'kubernetes.io/hostname=<node>'],
  // The node a pod or an endpoint is on (`nodeName: gke-main-default-pool-dca1511c-d17b` in YAML and JSON): the page's cluster's.
  [/^("?nodeName"?:\s*)"?[a-z0-9<][\w.<>-]*"?(,?)$/g, '$1<node>$2'],
  // `Successfully assigned default/x to node01`; a count (`Scaled up replica set x to 3`) is not a node.
  [/\bto (?!\d+$)[\w.-]+$/g, 'to <node>'],
  // Node names: this cluster's, those of the local clusters pages are written on, and the docs' stand-ins for the reader's node.
  [/\b(minikube|docker-desktop|controlplane|kind-control-plane|kind-worker\d*|node-?\d+|worker-?\d+|mynode|my-node\d*)\b/g, '<node>'],
  [/\b\d+(\.\d+)?(ms|s|m|h|d|y)(\d+(s|m|h))?\b/g, '<age>'],
  [/<(invalid|unknown|none)>/g, '<none>'],
];

/** Describe lines whose value names this run's node, address or times. */
const VOLATILE_FIELDS = /^(Node|IP|IPs|Start Time|Started|Finished|Container ID|Image ID|Creation ?Timestamp|CreationTimestamp|Last State Time|Ready Time|Internal IP|HostIP|Host IP|Addresses|Endpoints|Session Affinity|Created|Events|Last Probe Time|Last Transition Time)\s*:/;

export function normaliseValue(s: string): string {
  let out = s;
  for (const [re, to] of VALUE_RULES) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Version: kubectl ≤1.26 left the old ReplicaSets scaled to 0 out of describe's `OldReplicaSets:`; since 1.27
 * (kubernetes a4c6696c, "fix OldReplicaSets") they are listed as `NAME (0/0 replicas created)`.
 */
function withoutEmptyOldReplicaSets(line: string): string {
  const m = /^(OldReplicaSets:\s+)(.*)$/.exec(line);
  if (!m) return line;
  const kept = m[2].split(', ').filter((e) => !/ \(\d+\/0 replicas created\)$/.test(e));
  return m[1] + (kept.length > 0 ? kept.join(', ') : '<none>');
}

function normaliseLine(line: string): string {
  const t = withoutEmptyOldReplicaSets(line.trim());
  const f = VOLATILE_FIELDS.exec(t);
  if (f) return `${f[1]}: <value>`;
  return normaliseValue(t);
}

interface Table {
  header: string[];
  rows: Map<string, string>[];
  /** Lines of the text taken by the table (header, underline, rows). */
  lines: Set<number>;
}

/** At most this many of a page's lines make one of ours that the page wrapped by hand. */
const MAX_WRAPPED = 3;

const cells = (line: string): string[] => line.trim().split(/\s{2,}|\t+/);
const ELLIPSIS = /^(\.\.\.|…)$/;

/** A ps header's words (a page may elide columns with `...`), or undefined for any other line. */
function psHeader(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  const named = words.filter((w) => !ELLIPSIS.test(w));
  if (!named.includes('PID') || !PS_LAST.has(named[named.length - 1]) || !named.every((w) => PS_HEADERS.has(w))) return undefined;
  return words;
}

/** A ps row as `n` cells: its first n-1 words, then the rest of the line (the command and its arguments). */
function psCells(line: string, n: number): string[] {
  const out: string[] = [];
  let rest = line.trim();
  while (out.length < n - 1 && rest !== '') {
    const m = /^(\S+)\s*/.exec(rest)!;
    out.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return rest === '' ? out : [...out, rest];
}

function isHeader(line: string, next: string | undefined): boolean {
  if (psHeader(line)) return true;
  // A page may elide columns with `...`: the named cells make the header.
  const c = cells(line).filter((x) => !ELLIPSIS.test(x));
  // A page may keep only the NAME column of a table (`kubectl get apiservices` cut to the one row it is about).
  if (c.length === 1 && c[0] === 'NAME' && next !== undefined && next.trim() !== '') return true;
  if (c.length < 2) return false;
  if (c.every((x) => /^[A-Z][A-Z0-9 %_./-]*(\([A-Za-z]+\))?$/.test(x)) && /[A-Z]{2}/.test(line)) return true;
  return next !== undefined && /^\s*-{2,}(\s+-{2,})+\s*$/.test(next);
}

function parseTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isHeader(lines[i], lines[i + 1])) continue;
    // A page may elide leading columns with `...`: those cells are dropped from the header and rows.
    const ps = psHeader(lines[i]);
    const all = ps ?? cells(lines[i]);
    const keep = all.map((c, k) => (ELLIPSIS.test(c) ? -1 : k)).filter((k) => k >= 0);
    const header = keep.map((k) => OLD_COLUMN_NAMES[all[k]] ?? all[k]);
    const starts = keep.map((k) => lines[i].indexOf(all[k]));
    const t: Table = { header, rows: [], lines: new Set([i]) };
    let j = i + 1;
    if (/^\s*-{2,}/.test(lines[j] ?? '')) t.lines.add(j++);
    // A describe field (`Events:`, `OldReplicaSets:  <none>`) ends the table above it.
    for (; j < lines.length && lines[j].trim() !== '' && !/^(\S+:\s*|[A-Z][\w-]*:\s.*)$/.test(lines[j].trim()); j++) {
      const c = ps ? psCells(lines[j], all.length) : cells(lines[j]);
      if (c.length < 2 && header.length > 1) break;
      // Version: the pages' older kubectl printed the header again above a watch's events (1.32's get.go prints the
      // list and the events with one printer, under one header): a repeated header starts the next table.
      if (c.join(' ') === all.join(' ')) break;
      const row = new Map<string, string>();
      // Cells are taken by position when the row has the header's count, else by the header's offsets.
      // A cell ends where the next header cell starts, an elided `...` one included (`NAME ...  IP`: the row's
      // `...` is not part of its name).
      if (c.length === all.length) keep.forEach((k, n) => row.set(header[n].toUpperCase(), c[k]));
      else keep.forEach((k, n) => row.set(header[n].toUpperCase(), lines[j].slice(starts[n], k + 1 < all.length ? lines[i].indexOf(all[k + 1], starts[n] + all[k].length) : undefined).trim()));
      t.rows.push(row);
      t.lines.add(j);
    }
    tables.push(t);
    i = j - 1;
  }
  return tables;
}

function isVolatileColumn(name: string): boolean {
  return VOLATILE_COLUMNS.has(name) || VOLATILE_COLUMNS.has(name.toUpperCase());
}

/** A page value (with `...` and `<placeholder>` wildcards) as a pattern over our normalised value. */
function pattern(expected: string): RegExp {
  const parts = expected.split(/(\.\.\.|…|<[a-z][\w ./-]*>)/i);
  const re = parts
    .map((p, k) => (k % 2 === 1 ? (p === '...' || p === '…' ? '.*' : '\\S+') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`);
}

function valueMatches(expected: string, actual: string): boolean {
  const e = normaliseValue(expected);
  const a = normaliseValue(actual);
  return e === a || pattern(e).test(a);
}

const DEFAULT_CLASSES = new Set(['standard', 'local-path']);

/**
 * A LABELS cell the page cut with `...` names some of the labels: each must be one of ours. Labels
 * are a set printed sorted, and clusters since 1.14 add `kubernetes.io/arch` and `kubernetes.io/os`
 * around the ones a page shows.
 */
/**
 * Version: until 2016 (kubernetes 1.5) a generated name's suffix took any lower-case letter or digit; apimachinery's
 * util/rand has since drawn it from consonants and 2, 4-9 (`process-item-apple-kixwv` on an old page). In a table's
 * NAME column the page's object with the same prefix and an old-style suffix is our generated one.
 */
function oldSuffixMatches(expected: string, actual: string): boolean {
  const m = /^([a-z0-9][a-z0-9-]*)-[a-z0-9]{5}$/.exec(expected);
  return !!m && new RegExp(`^${m[1].replace(/[.-]/g, '\\$&')}-${K8S_RANDOM}{5}$`).test(actual);
}

function cellMatches(column: string, expected: string, actual: string): boolean {
  if (column === 'NAME' && oldSuffixMatches(expected, actual)) return true;
  // Version: until kubernetes#122038 (2024) kubectl showed a deleted pod as `Terminating` even once the kubelet (since
  // 1.27, kubernetes#115331) had given it a terminal phase; 1.32 shows the stopped container's reason there.
  if (column === 'STATUS' && expected === 'Terminating' && (actual === 'Completed' || actual === 'Error')) return true;
  // The cluster's default StorageClass: `standard` on minikube, kind and GKE, `local-path` on this kubeadm-like cluster.
  if (column === 'STORAGECLASS' && DEFAULT_CLASSES.has(expected) && DEFAULT_CLASSES.has(actual)) return true;
  if (column !== 'LABELS' || !/\.\.\.|…/.test(expected)) return valueMatches(expected, actual);
  const ours = new Set(normaliseValue(actual).split(','));
  return normaliseValue(expected).split(',').every((l) => ELLIPSIS.test(l) || ours.has(l));
}

export interface Similarity {
  match: boolean;
  /** Page lines not found in our output. */
  missing: string[];
}

/**
 * Version: kubectl ≤1.18 listed the `kubectl.kubernetes.io/last-applied-configuration` annotation (its JSON on the
 * next lines) in describe; kubectl 1.19 hides it (kubernetes/kubectl f2e257986, "Hide
 * kubectl.kubernetes.io/last-applied-configuration in describe"). The page's lines read as 1.32 prints them.
 */
function withoutLastApplied(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*Annotations:\s+)kubectl\.kubernetes\.io\/last-applied-configuration:\s*$/.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    while (/^\s+[{"]/.test(lines[i + 1] ?? '')) i++;
    const next = /^\s+([a-z0-9][\w./-]*: .*)$/.exec(lines[i + 1] ?? '');
    if (next) i++;
    out.push(m[1] + (next ? next[1] : '<none>'));
  }
  return out;
}

/**
 * Version: kubectl run 1.2 printed `Waiting for pod NS/NAME to be running, status is Pending, pod ready: false` while
 * it waited to attach (kubernetes#16908's output, 2015); 1.32's run waits without a word (kubectl pkg/cmd/run/run.go).
 */
function withoutRunWaiting(lines: string[]): string[] {
  return lines.filter((l) => !/^\s*Waiting for pod \S+ to be running, status is \w+, pod ready: (true|false)\s*$/.test(l));
}

const describeField = (lines: readonly string[], name: string): string | undefined =>
  lines.map((l) => new RegExp(`^\\s*${name}:\\s+(\\S.*?)\\s*$`).exec(l)?.[1]).find((v) => v !== undefined);

/**
 * Version: an extensions/v1beta1 Deployment (≤1.15) without labels took its pod template's (kubernetes
 * pkg/apis/extensions/v1beta1/defaults.go SetDefaults_Deployment); apps/v1 leaves them empty. `kubectl expose` gives
 * the Service the exposed object's labels (kubectl pkg/cmd/expose/expose.go), so where the page's describe shows the
 * selector as the Service's labels, 1.32 shows `Labels: <none>` for the same Service.
 */
function labelsAsTemplateDefaulted(exp: string[], act: readonly string[]): string[] {
  const selector = describeField(exp, 'Selector');
  if (selector === undefined || describeField(exp, 'Labels') !== selector) return exp;
  if (describeField(act, 'Labels') !== '<none>' || normaliseValue(describeField(act, 'Selector') ?? '') !== normaliseValue(selector)) return exp;
  return exp.map((l) => l.replace(/^(\s*Labels:\s+)\S.*$/, '$1<none>'));
}

export function similar(expected: string, actual: string): Similarity {
  const act = actual.replace(/\r/g, '').split('\n');
  const exp = labelsAsTemplateDefaulted(withoutRunWaiting(withoutLastApplied(expected.split('\n'))), act);
  const expTables = parseTables(exp);
  const actTables = parseTables(act);
  const missing: string[] = [];
  const usedRows = new Set<Map<string, string>>();
  const expTableLines = new Set<number>();
  for (const t of expTables) {
    for (const l of t.lines) expTableLines.add(l);
    const cols = t.header.map((h) => h.toUpperCase());
    // A node table (it has ROLES) names this cluster's nodes in NAME.
    // Version: until 1.24 every ServiceAccount had a generated token Secret, counted in SECRETS (KEP-2799,
    // LegacyServiceAccountTokenNoAutoGeneration on by default since 1.24); 1.32 counts only those listed.
    const volatile = (c: string): boolean => isVolatileColumn(c) || (c === 'NAME' && cols.includes('ROLES')) || c === 'SECRETS';
    const candidates = actTables.filter((a) => cols.every((c) => a.header.some((h) => h.toUpperCase() === c)));
    if (candidates.length === 0) {
      missing.push(exp[[...t.lines][0]]);
      continue;
    }
    t.rows.forEach((row, k) => {
      const found = candidates
        .flatMap((c) => c.rows)
        .find((r) => !usedRows.has(r) && cols.every((c) => volatile(c) || cellMatches(c, row.get(c) ?? '', r.get(c) ?? '')));
      if (found) usedRows.add(found);
      else missing.push(exp[[...t.lines][k + 1 + (t.lines.size - 1 - t.rows.length)]]);
    });
  }
  const actLines = act.map(normaliseLine);
  const used = new Set<number>();
  const find = (text: string) => {
    const e = normaliseLine(text);
    const re = pattern(e);
    return actLines.findIndex((a, j) => !used.has(j) && (a === e || re.test(a)));
  };
  const isText = (i: number) => i < exp.length && !expTableLines.has(i) && exp[i].trim() !== '' && !ELLIPSIS.test(exp[i].trim());
  for (let i = 0; i < exp.length; i++) {
    if (!isText(i)) continue;
    let k = find(exp[i]);
    // A long line the page broke by hand (an error message wrapped after its `"file":`): the lines joined.
    let last = i;
    while (k < 0 && last - i < MAX_WRAPPED && isText(last + 1)) k = find(exp.slice(i, ++last + 1).map((l) => l.trim()).join(' '));
    if (k < 0) {
      missing.push(exp[i]);
      continue;
    }
    used.add(k);
    i = last;
  }
  return { match: missing.length === 0, missing };
}
