/**
 * Builds the acceptance corpus (test/acceptance/corpus/*.json) from a checkout of kubernetes/website:
 * for every Pod-related task and tutorial page, its H2 sections with the commands as the page writes
 * them, the output blocks the page prints after them, the waits its prose asks for, the example
 * manifests it embeds or applies by URL, and the files it asks the reader to save.
 * Manual curation lives only in test/acceptance/overrides.json (documented, applied here).
 *
 * Run: `npx tsx packages/podsim/scripts/gen-docs-corpus.ts /path/to/website [commit]`
 * (the commit is read with git when the path is a checkout; pass it when it is an exported tree).
 * The manage-resources pages came from partial trees (each page with the examples it uses, as stored at the
 * page's commit) rather than a full checkout: one run per commit into a copy of this folder, keeping only the
 * new pages' files, so every other page's file still names e6bd301.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageEvents, type SiteVersion } from './docs-corpus/markdown.js';
import type { CorpusPage, CorpusStep } from './docs-corpus/format.js';
import { extractSteps, opensNodeShell, opensSession } from './docs-corpus/steps.js';
import { createdObject, firstUnsetVariable, listsObject, readsFile, takenFromSkipped, usesObject, writtenFiles } from './docs-corpus/skipped.js';
import { requiredGates } from './docs-corpus/prerequisites.js';

const here = dirname(fileURLToPath(import.meta.url));
const ACCEPTANCE = resolve(here, '../test/acceptance');
const OUT = join(ACCEPTANCE, 'corpus');

/**
 * The folders (every page) and single pages (no `.md`) of content/en/docs about Pods (issue 10's list),
 * the workloads a learner meets right after them, and the configuration, stateless, StatefulSet and
 * Service tutorials and Service/DNS concepts that come next, and the LimitRange and quota pages a learner meets
 * after assigning resources (issue 11). Left out: tasks/job's coarse/fine
 * work-queue pages (the reader builds and pushes their own worker image to a registry and runs
 * RabbitMQ/Redis from it), the cassandra, zookeeper and mysql-wordpress StatefulSet tutorials (images
 * the sandbox does not carry, persistent volumes from a cloud provisioner) and the other
 * services-networking concepts (an ingress, gateway or network-policy controller the sandbox has not).
 */
const FOLDERS = [
  'tasks/configure-pod-container',
  'tasks/inject-data-application',
  'tasks/debug',
  'tasks/access-application-cluster',
  'tutorials/kubernetes-basics',
  'concepts/workloads/pods',
  'concepts/workloads/controllers/deployment',
  'concepts/workloads/controllers/replicaset',
  'concepts/workloads/controllers/job',
  'concepts/workloads/controllers/daemonset',
  'concepts/workloads/controllers/statefulset',
  'concepts/workloads/controllers/ttlafterfinished',
  'concepts/workloads/controllers/cron-jobs',
  'tasks/run-application/run-stateless-application-deployment',
  'tasks/run-application/delete-stateful-set',
  'tasks/run-application/scale-stateful-set',
  'tasks/run-application/force-delete-stateful-set-pod',
  'tasks/job/automated-tasks-with-cron-jobs',
  'tasks/job/indexed-parallel-processing-static',
  'tasks/job/parallel-processing-expansion',
  'tasks/job/job-with-pod-to-pod-communication',
  'tasks/job/pod-failure-policy',
  'tutorials/configuration',
  'tutorials/stateless-application',
  'tutorials/stateful-application/basic-stateful-set',
  'tutorials/services',
  'concepts/services-networking/service',
  'concepts/services-networking/dns-pod-service',
  'tasks/run-application/horizontal-pod-autoscale-walkthrough',
  'tasks/run-application/run-single-instance-stateful-application',
  'tasks/run-application/access-api-from-pod',
  'tasks/run-application/configure-pdb',
  'tasks/run-application/run-replicated-stateful-application',
  'tutorials/cluster-management/namespaces-walkthrough',
  'tutorials/security/ns-level-pss',
  'tutorials/security/cluster-level-pss',
  'tutorials/stateful-application/mysql-wordpress-persistent-volume',
  'tutorials/stateful-application/zookeeper',
  'tutorials/stateful-application/cassandra',
  'tasks/administer-cluster/manage-resources',
];

/** A FOLDERS entry's markdown files: the page itself, or every page under the folder. */
function pagesOf(docs: string, entry: string): string[] {
  const page = join(docs, `${entry}.md`);
  return existsSync(page) ? [page] : markdownFiles(join(docs, entry)).sort();
}

interface Overrides {
  /** `exceptOnNode`: the rule does not hold for commands typed on a node the page logged in to (`ssh my-node1`). */
  outOfScope: { pattern: string; reason: string; exceptOnNode?: boolean }[];
  /**
   * `addons`: add-on name → the page's sentence that requires it.
   * `node`: the prose has the reader type the step on a cluster node without showing how they log in; the
   * login command a reader would use (the runner maps its node name to one of the sandbox's workers).
   * `edit`: the change the prose asks for in the editor a `kubectl edit` step opens, where the extractor
   * does not find it. `reason`: why the entry is there.
   */
  pages: Record<string, { continues?: string; addons?: Record<string, string>; steps?: { line: number; command?: string; outOfScope?: string; expected?: string | null; reason?: string; node?: string; edit?: CorpusStep['edit'] }[] }>;
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') && name !== '_index.md' ? [full] : [];
  });
}

function commitOf(root: string, given?: string): string {
  if (given) return given;
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    const f = join(root, 'COMMIT');
    if (existsSync(f)) return readFileSync(f, 'utf8').trim();
    throw new Error('not a git checkout: pass the commit as the second argument');
  }
}

/** The release the site documents, from its hugo.toml. */
function siteVersion(root: string): SiteVersion {
  const toml = readFileSync(join(root, 'hugo.toml'), 'utf8');
  const minor = /^version\s*=\s*"v([\d.]+)"/m.exec(toml)?.[1];
  const patch = /\[\[params\.versions\]\][^[]*?githubbranch\s*=\s*"v([\d.]+)"/.exec(toml)?.[1];
  if (!minor || !patch) throw new Error('hugo.toml: no [params] version');
  return { minor, patch };
}

function buildPage(root: string, file: string, commit: string, overrides: Overrides, version: SiteVersion): CorpusPage | undefined {
  const md = readFileSync(file, 'utf8');
  const rel = relative(join(root, 'content/en/docs'), file).replace(/\.md$/, '');
  const exampleText = (e: string): string | undefined => (existsSync(join(root, 'content/en/examples', e)) ? readFileSync(join(root, 'content/en/examples', e), 'utf8') : undefined);
  const extracted = extractSteps(pageEvents(md, version), exampleText);
  const kubectlSteps = extracted.sections.flatMap((s) => s.steps).filter((s) => /\bkubectl\s/.test(s.command));
  if (kubectlSteps.length === 0) return undefined;
  const examples: Record<string, string> = {};
  for (const e of extracted.examples) {
    const text = exampleText(e);
    if (text !== undefined) examples[e] = text;
  }
  const pageOverrides = overrides.pages[rel]?.steps ?? [];
  const assigned = new Set<string>();
  /** Variables only out-of-scope steps set, and what those steps print: later steps that use them cannot run either. */
  const skippedVars = new Set<string>();
  let skippedOutput = '';
  /** Objects only out-of-scope steps create (both of a page's templates for one Secret): later steps that read them cannot run either. */
  const skippedObjects = new Set<string>();
  const createdObjects = new Set<string>();
  /** Files only out-of-scope steps write (`make keys KEY=/tmp/nginx.key`): later steps that read them cannot run either. */
  const skippedFiles = new Set<string>();
  /** The command that opened the Pod shell of the current session, and whether an override took a step of it onto a node. */
  let podShell: string | undefined;
  let leftForNode = false;
  const sections = extracted.sections.map((s) => ({
    title: s.title.replace(/\{\{%\s*heading\s+"prerequisites"\s*%\}\}/, 'Before you begin').replace(/\{\{%\s*heading\s+"([^"]+)"\s*%\}\}/, '$1'),
    steps: s.steps.map((step) => {
      const out: CorpusStep = { ...step };
      const general = overrides.outOfScope.find((o) => new RegExp(o.pattern).test(step.command) && !(o.exceptOnNode && step.node));
      if (general) out.outOfScope = general.reason;
      const taken = general ? undefined : takenFromSkipped(step.command, skippedVars, skippedOutput);
      if (taken) out.outOfScope = `uses ${taken}, which only a step the sandbox cannot run sets or prints`;
      const file = general || taken ? undefined : readsFile(step.command, skippedFiles);
      if (file) out.outOfScope = `reads ${file}, which only a step the sandbox cannot run writes`;
      const object = general || taken || file ? undefined : usesObject(step.command, skippedObjects);
      if (object) out.outOfScope = `uses ${object}, which only a step the sandbox cannot run creates`;
      const listed = general || taken || file || object ? undefined : listsObject(step.command, step.expected, skippedObjects);
      if (listed) out.outOfScope = `the page's list shows ${listed}, which only a step the sandbox cannot run creates`;
      const sets = [...step.command.matchAll(/(?:^|[\s;(])(?:export\s+)?([A-Za-z_]\w*)=/g), ...step.command.matchAll(/\bfor\s+(\w+)\s+in\b/g)].map((m) => m[1]);
      for (const v of sets) assigned.add(v);
      const unset = firstUnsetVariable(step.command, assigned);
      if (unset && !step.inSession && !general && !taken) out.outOfScope = `a template: $${unset} is never set on the page, the reader substitutes their own value`;
      if (!step.inSession) {
        podShell = opensSession(step.command) && !opensNodeShell(step.command) ? step.command : undefined;
        leftForNode = false;
      } else if (step.shell) podShell = step.shell;
      for (const o of pageOverrides) {
        if (o.line !== step.line || (o.command && !step.command.includes(o.command))) continue;
        if (o.outOfScope) out.outOfScope = o.outOfScope;
        if (o.node) {
          out.node = o.node;
          out.inSession = true;
          delete out.shell;
          leftForNode = true;
        }
        if (o.edit) out.edit = o.edit;
        if (o.expected === null) delete out.expected;
        else if (o.expected !== undefined) out.expected = o.expected;
      }
      // The page's next command in that Pod after one an override moved onto a node: the reader goes back into the Pod.
      if (leftForNode && out.inSession && !out.node && !out.shell && podShell) {
        out.shell = podShell;
        leftForNode = false;
      }
      for (const v of sets) if (out.outOfScope) skippedVars.add(v);
      else skippedVars.delete(v);
      if (out.outOfScope) skippedOutput += (step.expected ?? '') + '\n';
      for (const f of writtenFiles(step.command)) if (out.outOfScope) skippedFiles.add(f);
      else skippedFiles.delete(f);
      // A manifest applied from a file may create any of them: from here on they are not known to be missing.
      if (!out.outOfScope && /^kubectl\s+(apply|create)\b.*\s(-f|--filename)[= ]/.test(step.command)) skippedObjects.clear();
      const created = createdObject(step.command);
      if (created && !out.outOfScope) createdObjects.add(created);
      if (created && out.outOfScope && !createdObjects.has(created)) skippedObjects.add(created);
      else if (created) skippedObjects.delete(created);
      return out;
    }),
  }));
  const title = /^title:\s*(.*)$/m.exec(md)?.[1].replace(/^["']|["']$/g, '') ?? rel;
  return {
    page: rel,
    url: `https://kubernetes.io/docs/${rel}/`,
    source: { repository: 'kubernetes/website', commit, path: relative(root, file) },
    title,
    ...(overrides.pages[rel]?.continues ? { continues: overrides.pages[rel].continues } : {}),
    // A page about one node's own directories (hostPath) asks for a cluster of one node: the reader's Pods run where they wrote.
    ...(/\bcluster that has only one node\b/i.test(md) ? { workers: 1 } : {}),
    ...(overrides.pages[rel]?.addons ? { addons: Object.keys(overrides.pages[rel].addons).sort() } : {}),
    ...(requiredGates(md).length ? { featureGates: requiredGates(md) } : {}),
    examples,
    files: extracted.files,
    sections,
  };
}

function main(argv: string[]): void {
  const root = argv[0];
  if (!root || !existsSync(join(root, 'content/en/docs'))) {
    console.error('usage: gen-docs-corpus.ts /path/to/kubernetes-website [commit]');
    process.exit(2);
  }
  const commit = commitOf(root, argv[1]);
  const version = siteVersion(root);
  const overrides = JSON.parse(readFileSync(join(ACCEPTANCE, 'overrides.json'), 'utf8')) as Overrides;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let pages = 0;
  let sections = 0;
  let steps = 0;
  for (const folder of FOLDERS) {
    for (const file of pagesOf(join(root, 'content/en/docs'), folder)) {
      const page = buildPage(root, file, commit, overrides, version);
      if (!page) continue;
      writeFileSync(join(OUT, `${page.page.replace(/\//g, '__')}.json`), JSON.stringify(page, null, 1) + '\n');
      pages++;
      sections += page.sections.length;
      steps += page.sections.reduce((n, s) => n + s.steps.length, 0);
    }
  }
  console.log(`docs corpus: ${pages} pages, ${sections} sections, ${steps} steps (kubernetes/website ${commit})`);
}

main(process.argv.slice(2));
