/**
 * `kubectl get`: tables (with -o wide, --show-labels, -L, -A, --no-headers, --sort-by), object
 * formats, and `-w`/`--watch-only` printing one row per watch event until Ctrl+C.
 * Models kubectl pkg/cmd/get/get.go.
 */
import type { KubeObject, ResourceInfo, Status, WatchEvent } from '../../../api/types.js';
import { rawGet } from '../../rest.js';
import { TablePrinter } from '../../../tables/table-printer.js';
import { tableFor } from '../../../tables/index.js';
import type { Command, Invocation } from '../../command.js';
import { genericServerResponse } from '../../../api/status.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import { untilInterrupted } from '../../interrupt.js';
import type { FlagSpec } from '../../flags.js';
import { enhanceListError, fetchObjects, namespaceFor, noResourcesMessage } from '../../objects.js';
import { PRINTERS, TEMPLATE_FLAGS, outputFormat, printObjects, type OutputFormat } from '../../output.js';
import { kindPrefix, NO_RESOURCES_GIVEN, resourceArgs } from '../../resource-args.js';
import { failed, runSteps, type Completed, type VerbSteps } from '../../steps.js';
import { readTargets } from '../../manifest-target.js';
import { YamlPrinter } from '../../printers/yaml.js';

export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', help: 'Label selector to filter on (e.g. -l app=web,tier!=db).' };
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', type: 'string', help: "Field selector to filter on (e.g. --field-selector status.phase=Running); '=', '==' and '!=' are supported." };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'List objects of every namespace.' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, wide, jsonpath=..., custom-columns=...' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringSlice', default: [], help: 'Files, directories or - (stdin) naming the objects.' };
export const KUSTOMIZE_FLAG: FlagSpec = { name: 'kustomize', short: 'k', type: 'string', help: 'A kustomization directory whose built resources are the objects.' };

const FLAGS: FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  { name: 'ignore-not-found', type: 'bool', default: false, help: 'Print nothing for objects that do not exist.' },
  { name: 'label-columns', short: 'L', type: 'stringSlice', default: [], help: 'Label keys to show as extra columns.' },
  { name: 'no-headers', type: 'bool', default: false, help: 'Leave out the header line of tables.' },
  OUTPUT_FLAG,
  { name: 'output-watch-events', type: 'bool', default: false, help: 'With --watch, show the event type of each line.' },
  { name: 'raw', type: 'string', help: 'Print the body of a GET of this server path (e.g. /api/v1/namespaces/default/pods), as it comes.' },
  SELECTOR_FLAG,
  { name: 'show-kind', type: 'bool', default: false, help: 'Prefix names with their kind.' },
  { name: 'show-labels', type: 'bool', default: false, help: 'Add a column with all labels.' },
  { name: 'sort-by', type: 'string', help: 'Sort rows by a JSONPath field, e.g. .metadata.name.' },
  { name: 'watch', short: 'w', type: 'bool', default: false, help: 'After listing, keep printing changes.' },
  { name: 'watch-only', type: 'bool', default: false, help: 'Print changes only, without the initial list.' },
  ...TEMPLATE_FLAGS,
];

/** What `kubectl get` was asked to do (upstream GetOptions). */
export interface GetOptions {
  commandPath: string;
  args: string[];
  filenames: string[];
  fromManifests: boolean;
  output: string;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  showLabels: boolean;
  showKind: boolean;
  noHeaders: boolean;
  labelColumns: string[];
  sortBy: string;
  labelSelector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  ignoreNotFound: boolean;
  /** --raw: a server path whose GET body is printed as it comes. */
  raw: string;
}

function tablePrinter(o: GetOptions, format: Extract<OutputFormat, { type: 'table' }>, info: ResourceInfo, kind?: string): TablePrinter {
  return new TablePrinter({
    wide: format.wide,
    noHeaders: o.noHeaders,
    showLabels: o.showLabels,
    labelColumns: o.labelColumns,
    withNamespace: o.allNamespaces && info.namespaced,
    watchEvents: o.outputWatchEvents,
    kind: kind ?? (o.showKind ? kindPrefix(info) : undefined),
  });
}

function* watchObjects(inv: Invocation, o: GetOptions, info: ResourceInfo, names: string[], format: OutputFormat) {
  const fieldSelector = [o.fieldSelector, names.length ? `metadata.name=${names[0]}` : ''].filter(Boolean).join(',');
  const sel = { labelSelector: o.labelSelector || undefined, fieldSelector: fieldSelector || undefined };
  const ns = namespaceFor(inv, info, o.allNamespaces);
  const printer = format.type === 'table' ? tablePrinter(o, format, info) : undefined;
  const yamlPrinter = new YamlPrinter();
  const print = (objs: KubeObject[], type: WatchEvent['type'] = 'ADDED') => {
    if (printer) inv.out(printer.print(tableFor(info.resource, objs, { now: inv.now(), wide: format.type === 'table' && format.wide }), type));
    else printObjects(inv, format, objs.map((obj) => ({ info, obj })), { separateDocuments: true, yamlPrinter, noHeaders: o.noHeaders });
  };
  const list = inv.api.list(info.resource, ns, sel);
  if (!list.ok) {
    inv.err(statusErrorText(enhanceListError(list.status, info, sel)));
    return 1;
  }
  if (!o.watchOnly && list.value.items.length > 0) print(list.value.items);
  const stop = inv.api.watch(info.resource, ns, (ev) => print([ev.object], ev.type), { ...sel, resourceVersion: list.value.metadata.resourceVersion });
  return yield* untilInterrupted(inv, stop);
}

function complete(inv: Invocation): Completed<GetOptions> {
  const f = inv.flags;
  const o: GetOptions = {
    commandPath: inv.commandPath,
    args: inv.args,
    filenames: f.list('filename'),
    fromManifests: f.list('filename').length > 0 || f.str('kustomize') !== '',
    output: f.str('output'),
    watch: f.bool('watch'),
    watchOnly: f.bool('watch-only'),
    outputWatchEvents: f.bool('output-watch-events'),
    showLabels: f.bool('show-labels'),
    showKind: f.bool('show-kind'),
    noHeaders: f.bool('no-headers'),
    labelColumns: f.list('label-columns'),
    sortBy: f.str('sort-by'),
    labelSelector: f.str('selector'),
    fieldSelector: f.str('field-selector'),
    allNamespaces: f.bool('all-namespaces'),
    ignoreNotFound: f.bool('ignore-not-found'),
    raw: f.str('raw'),
  };
  // Complete stops here for --raw: nothing else is built
  if (o.raw) return o.args.length > 0 ? failed(plainError('arguments may not be passed when --raw is specified')) : { ok: true, options: o };
  if (o.watch && o.sortBy) inv.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  else if (o.watchOnly && o.sortBy) inv.err('warning: --watch-only requested, --sort-by will be ignored\n');
  else if (!o.watch && !o.watchOnly && o.args.length === 0 && !o.fromManifests) {
    return failed(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        usageError(o.commandPath, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).'),
    );
  }
  return { ok: true, options: o };
}

function validate(o: GetOptions): string | undefined {
  if (o.raw) {
    if (o.watch || o.watchOnly || o.labelSelector) return plainError('--raw may not be specified with other flags that filter the server request or alter the output');
    if (o.output) return plainError('--raw and --output are mutually exclusive');
    if (!o.raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(o.raw)) return plainError(`--raw must be a valid URL path: parse ${JSON.stringify(o.raw)}: invalid URI for request`);
  }
  if (o.showLabels && o.output !== '' && o.output !== 'wide') return plainError(`--show-labels option cannot be used with ${o.output} printer`);
  if (o.outputWatchEvents && !o.watch && !o.watchOnly) return plainError('--output-watch-events option can only be used with --watch or --watch-only');
  return undefined;
}

/** An error body the server wrote as a Status; a proxied backend's own error page is not one. */
function asStatus(body: string): Status | undefined {
  try {
    const v = JSON.parse(body) as Status;
    return v?.kind === 'Status' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `get --raw PATH`: the body of a GET copied to stdout, as the REST client streams it. */
function getRaw(inv: Invocation, raw: string): number {
  const r = rawGet(inv, raw.startsWith('/') ? raw : new URL(raw).pathname + new URL(raw).search);
  if (r.code >= 400) {
    inv.err(statusErrorText(asStatus(r.body) ?? genericServerResponse(r.code, r.contentType.startsWith('text/plain') ? r.body.trim() : 'unknown')));
    return 1;
  }
  inv.out(r.body);
  return 0;
}

function* runGet(inv: Invocation, o: GetOptions) {
  if (o.raw) return getRaw(inv, o.raw);
  const watching = o.watch || o.watchOnly;
  // The resource builder's own check: with --watch nothing above asked for a resource.
  if (watching && o.args.length === 0 && !o.fromManifests) {
    inv.err(plainError(NO_RESOURCES_GIVEN));
    return 1;
  }
  const out = outputFormat(inv, true);
  if (!out.ok) {
    inv.err(plainError(out.message));
    return 1;
  }
  const format = out.format as OutputFormat;
  let args = o.args;
  if (o.fromManifests) {
    const read = yield* readTargets(inv, o.filenames, 'get');
    if (!read) return 1;
    args = read.targets.map((t) => `${kindPrefix(t.info)}/${t.name}`);
  }
  const parsed = resourceArgs(inv, args);
  if (!parsed) return 1;
  if (watching) {
    if (parsed.selections.length > 1) {
      inv.err(plainError('you may only specify a single resource type'));
      return 1;
    }
    const s = parsed.selections[0];
    return yield* watchObjects(inv, o, s.info, s.names, format);
  }

  const sel = { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, allNamespaces: o.allNamespaces };
  const fetched = parsed.selections.map((s) => fetchObjects(inv, s.info, s.names, sel));
  for (const f of fetched) {
    if (!o.sortBy) continue;
    const sorted = PRINTERS.get().sortObjects(f.objects, o.sortBy);
    if (!sorted.ok) {
      inv.err(plainError(sorted.message));
      return 1;
    }
    f.objects = sorted.objects;
  }
  let code = 0;
  const errors: string[] = [];
  for (const f of fetched) {
    for (const st of f.errors) {
      if (st.reason === 'NotFound' && o.ignoreNotFound) continue;
      errors.push(statusErrorText(st));
      code = 1;
    }
  }
  const total = fetched.reduce((n, f) => n + f.objects.length, 0);
  if (format.type === 'table') {
    let text = '';
    for (const f of fetched) {
      if (f.objects.length === 0) continue;
      const printer = tablePrinter(o, format, f.info, parsed.multipleTypes ? kindPrefix(f.info) : undefined);
      const t = printer.print(tableFor(f.info.resource, f.objects, { now: inv.now(), wide: format.wide }));
      if (text !== '' && t !== '' && !o.noHeaders) text += '\n';
      text += t;
    }
    inv.out(text);
  } else if (total > 0 || parsed.selections.every((s) => s.names.length === 0)) {
    const single = parsed.selections.length === 1 && parsed.selections[0].names.length === 1;
    if (!printObjects(inv, format, fetched.flatMap((f) => f.objects.map((obj) => ({ info: f.info, obj }))), { single, noHeaders: o.noHeaders })) code = 1;
  }
  for (const e of errors) inv.err(e);
  const named = parsed.selections.some((s) => s.names.length > 0);
  if (total === 0 && !named && errors.length === 0 && format.type === 'table') {
    const namespaced = parsed.selections.some((s) => s.info.namespaced);
    inv.err(noResourcesMessage(inv, namespaced, o.allNamespaces));
  }
  return code;
}

export const GET_STEPS: VerbSteps<GetOptions> = { complete, validate, run: runGet };

export const get: Command = {
  name: 'get',
  completes: 'resources',
  short: 'Display one or many resources',
  usage: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  examples: '# List the pods of the current namespace\nkubectl get pods\n\n# Follow changes to pods\nkubectl get pods --watch',
  flags: FLAGS,
  run: runSteps(GET_STEPS),
};
