/**
 * `kubectl get`: tables (with -o wide, --show-labels, -L, -A, --no-headers, --sort-by), object
 * formats, and `-w`/`--watch-only` printing one row per watch event until Ctrl+C.
 * Models kubectl pkg/cmd/get/get.go.
 */
import type { KubeObject, ResourceInfo, WatchEvent } from '../../../api/types.js';
import { TablePrinter } from '../../../tables/table-printer.js';
import { tableFor } from '../../../tables/index.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { untilInterrupted } from '../../interrupt.js';
import type { FlagSpec } from '../../flags.js';
import { enhanceListError, fetchObjects, namespaceFor, noResourcesMessage } from '../../objects.js';
import { TEMPLATE_FLAGS, outputFormat, printObjects, type OutputFormat } from '../../output.js';
import { kindPrefix, resourceArgs } from '../../resource-args.js';
import { readTargets } from '../../manifest-target.js';
import { sortObjects } from '../../printers/sort-by.js';
import { YamlPrinter } from '../../printers/yaml.js';

export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', help: 'Label selector to filter on (e.g. -l app=web,tier!=db).' };
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', type: 'string', help: "Field selector to filter on (e.g. --field-selector status.phase=Running); '=', '==' and '!=' are supported." };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'List objects of every namespace.' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, wide, jsonpath=..., custom-columns=...' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringSlice', default: [], help: 'Files, directories or - (stdin) naming the objects.' };

const FLAGS: FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  { name: 'ignore-not-found', type: 'bool', default: false, help: 'Print nothing for objects that do not exist.' },
  { name: 'label-columns', short: 'L', type: 'stringSlice', default: [], help: 'Label keys to show as extra columns.' },
  { name: 'no-headers', type: 'bool', default: false, help: 'Leave out the header line of tables.' },
  OUTPUT_FLAG,
  { name: 'output-watch-events', type: 'bool', default: false, help: 'With --watch, show the event type of each line.' },
  SELECTOR_FLAG,
  { name: 'show-kind', type: 'bool', default: false, help: 'Prefix names with their kind.' },
  { name: 'show-labels', type: 'bool', default: false, help: 'Add a column with all labels.' },
  { name: 'sort-by', type: 'string', help: 'Sort rows by a JSONPath field, e.g. .metadata.name.' },
  { name: 'watch', short: 'w', type: 'bool', default: false, help: 'After listing, keep printing changes.' },
  { name: 'watch-only', type: 'bool', default: false, help: 'Print changes only, without the initial list.' },
  ...TEMPLATE_FLAGS,
];

function tablePrinter(inv: Invocation, format: Extract<OutputFormat, { type: 'table' }>, allNamespaces: boolean, info: ResourceInfo, kind?: string): TablePrinter {
  return new TablePrinter({
    wide: format.wide,
    noHeaders: inv.flags.bool('no-headers'),
    showLabels: inv.flags.bool('show-labels'),
    labelColumns: inv.flags.list('label-columns'),
    withNamespace: allNamespaces && info.namespaced,
    watchEvents: inv.flags.bool('output-watch-events'),
    kind: kind ?? (inv.flags.bool('show-kind') ? kindPrefix(info) : undefined),
  });
}

function* watchObjects(inv: Invocation, info: ResourceInfo, names: string[], format: OutputFormat, allNamespaces: boolean) {
  const watchOnly = inv.flags.bool('watch-only');
  const fieldSelector = [inv.flags.str('field-selector'), names.length ? `metadata.name=${names[0]}` : ''].filter(Boolean).join(',');
  const sel = { labelSelector: inv.flags.str('selector') || undefined, fieldSelector: fieldSelector || undefined };
  const ns = namespaceFor(inv, info, allNamespaces);
  const printer = format.type === 'table' ? tablePrinter(inv, format, allNamespaces, info) : undefined;
  const yamlPrinter = new YamlPrinter();
  const print = (objs: KubeObject[], type: WatchEvent['type'] = 'ADDED') => {
    if (printer) inv.out(printer.print(tableFor(info.resource, objs, { now: inv.now(), wide: format.type === 'table' && format.wide }), type));
    else printObjects(inv, format, objs.map((o) => ({ info, obj: o })), { separateDocuments: true, yamlPrinter, noHeaders: inv.flags.bool('no-headers') });
  };
  const list = inv.api.list(info.resource, ns, sel);
  if (!list.ok) {
    inv.err(statusErrorText(enhanceListError(list.status, info, sel)));
    return 1;
  }
  if (!watchOnly && list.value.items.length > 0) print(list.value.items);
  const stop = inv.api.watch(info.resource, ns, (ev) => print([ev.object], ev.type), { ...sel, resourceVersion: list.value.metadata.resourceVersion });
  return yield* untilInterrupted(inv, stop);
}

function* runGet(inv: Invocation) {
  const out = outputFormat(inv, true);
  if (!out.ok) {
    inv.err(plainError(out.message));
    return 1;
  }
  const format = out.format as OutputFormat;
  const files = inv.flags.list('filename');
  if (files.length > 0) {
    const read = yield* readTargets(inv, files, 'get');
    if (!read) return 1;
    inv.args = read.targets.map((t) => `${kindPrefix(t.info)}/${t.name}`);
  }
  if (inv.args.length === 0) {
    inv.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        plainError(`Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee '${inv.commandPath} -h' for help and examples`),
    );
    return 1;
  }
  const parsed = resourceArgs(inv, inv.args);
  if (!parsed) return 1;
  const all = inv.flags.bool('all-namespaces');
  if (inv.flags.bool('watch') || inv.flags.bool('watch-only')) {
    if (parsed.selections.length > 1) {
      inv.err(plainError('you may only specify a single resource type'));
      return 1;
    }
    const s = parsed.selections[0];
    return yield* watchObjects(inv, s.info, s.names, format, all);
  }

  const sel = { labelSelector: inv.flags.str('selector'), fieldSelector: inv.flags.str('field-selector'), allNamespaces: all };
  const fetched = parsed.selections.map((s) => fetchObjects(inv, s.info, s.names, sel));
  const sortBy = inv.flags.str('sort-by');
  for (const f of fetched) {
    if (!sortBy) continue;
    const sorted = sortObjects(f.objects, sortBy);
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
      if (st.reason === 'NotFound' && inv.flags.bool('ignore-not-found')) continue;
      errors.push(statusErrorText(st));
      code = 1;
    }
  }
  const total = fetched.reduce((n, f) => n + f.objects.length, 0);
  if (format.type === 'table') {
    let text = '';
    for (const f of fetched) {
      if (f.objects.length === 0) continue;
      const printer = tablePrinter(inv, format, all, f.info, parsed.multipleTypes ? kindPrefix(f.info) : undefined);
      const t = printer.print(tableFor(f.info.resource, f.objects, { now: inv.now(), wide: format.wide }));
      if (text !== '' && t !== '' && !inv.flags.bool('no-headers')) text += '\n';
      text += t;
    }
    inv.out(text);
  } else if (total > 0 || parsed.selections.every((s) => s.names.length === 0)) {
    const single = parsed.selections.length === 1 && parsed.selections[0].names.length === 1;
    if (!printObjects(inv, format, fetched.flatMap((f) => f.objects.map((o) => ({ info: f.info, obj: o }))), { single, noHeaders: inv.flags.bool('no-headers') })) code = 1;
  }
  for (const e of errors) inv.err(e);
  const named = parsed.selections.some((s) => s.names.length > 0);
  if (total === 0 && !named && errors.length === 0 && format.type === 'table') {
    const namespaced = parsed.selections.some((s) => s.info.namespaced);
    inv.err(noResourcesMessage(inv, namespaced, all));
  }
  return code;
}

export const get: Command = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  examples: '# List the pods of the current namespace\nkubectl get pods\n\n# Follow changes to pods\nkubectl get pods --watch',
  flags: FLAGS,
  run: runGet,
};
