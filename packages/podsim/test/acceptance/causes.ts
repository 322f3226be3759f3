/**
 * Why a step failed, read generically from what the reader saw (never keyed to one page), so the
 * report tells each area what to build next.
 */
import { olderOutput } from './older-outputs.js';
import type { StepResult } from './runner.js';

export type CauseKind =
  | 'older version output'
  | 'missing image/tag'
  | 'missing verb/flag'
  | 'missing kind'
  | 'missing program'
  | 'needs the network'
  | 'follows an earlier failure'
  | 'state differs'
  | 'output format diff'
  | 'error';

export interface Cause {
  kind: CauseKind;
  detail: string;
}

const firstLine = (s: string): string => s.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 160) ?? '';

const RULES: [RegExp, CauseKind][] = [
  [/not available in this sandbox|unknown (shorthand )?flag|unknown command|flag needs an argument|unknown flag|accepts \d+ arg|must specify one of|--\w[\w-]* is not supported/, 'missing verb/flag'],
  [/no matches for kind|doesn't have a resource type|could not find the requested resource|the server could not find/, 'missing kind'],
  [/command not found|: not found$|executable file not found|applet not found|OCI runtime exec failed|Unable to locate package|unable to select packages/m, 'missing program'],
  [/Could not resolve host|no such host|Connection refused|connection refused|Network is unreachable|unable to read URL|bad address/i, 'needs the network'],
];

export function causeOf(r: StepResult): Cause {
  const out = r.output;
  // Checked first: a real 1.32 cluster fails such a step too, whatever else went wrong with it.
  const older = olderOutput(r.missing);
  if (older) return { kind: 'older version output', detail: `page prints \`${older.line.slice(0, 100)}\`; 1.32 prints ${older.now}` };
  // An image the page's own output shows failing (its ErrImagePull, its back-off) is meant to fail: not the cause.
  const unexpected = r.pullFailures.filter((image) => !r.step.expected?.includes(image));
  if (unexpected.length > 0 && (/ErrImagePull|ImagePullBackOff|InvalidImageName/.test(out) || r.step.expected !== undefined))
    return { kind: 'missing image/tag', detail: `cannot pull ${unexpected.join(', ')}` };
  // The page's `kubectl exec -it` (or debug, attach) opened no shell: the reader's own machine ran the command.
  if (r.after && r.outsideSession)
    return { kind: 'follows an earlier failure', detail: `after \`${r.after.split('\n')[0].slice(0, 120)}\` no container shell was open, so the reader's own shell ran it: ${firstLine(out)}` };
  for (const [re, kind] of RULES) {
    const m = re.exec(out);
    if (m) return { kind, detail: out.split('\n').find((l) => re.test(l))?.trim().slice(0, 160) ?? m[0] };
  }
  if (r.after && /NotFound|not found|must be specified|AlreadyExists|No resources found|Couldn't connect|unable to upgrade|No such file|can't cd/.test(out))
    return { kind: 'follows an earlier failure', detail: `after \`${r.after.split('\n')[0].slice(0, 120)}\`: ${firstLine(out)}` };
  if (r.step.expected === undefined) return { kind: 'error', detail: firstLine(out) || `exit status ${r.exitCode}` };
  // Our output has the page's table or lines, with other values: the simulated cluster is in another state.
  const tableRowsOnly = r.missing.length > 0 && r.missing.every((l) => !/^[A-Z][A-Z ()]+\s{2,}[A-Z]/.test(l.trim()));
  if (/^\s*NAME\s/m.test(r.step.expected) && /^\s*NAME\s/m.test(out) && tableRowsOnly) return { kind: 'state differs', detail: `missing: ${r.missing.slice(0, 3).join(' | ')}` };
  return { kind: 'output format diff', detail: `missing: ${r.missing.slice(0, 3).map((l) => l.trim()).join(' | ').slice(0, 240)}` };
}
