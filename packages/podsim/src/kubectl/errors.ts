/**
 * How kubectl words failures on stderr (kubectl pkg/cmd/util/helpers.go checkErr and
 * StandardErrorMessage): API errors as `Error from server (<Reason>): <message>`, validation errors
 * as `The <Kind> "<name>" is invalid: …`, everything else with an `error: ` prefix.
 */
import type { Status } from '../api/types.js';
import { kubectlErrorText } from '../api/status.js';

/** Text (ending in a newline) kubectl prints for a Status returned by the API. */
export function statusErrorText(status: Status): string {
  return `${kubectlErrorText(status)}\n`;
}

/** kubectl AddSourceToErr: `error when creating "pod.yaml": <message>` (validation errors keep their own text). */
export function withSource(status: Status, verb: string, source: string): Status {
  if (status.reason === 'Invalid' && status.details) return status;
  return { ...status, message: `error when ${verb} ${JSON.stringify(source)}: ${status.message ?? ''}` };
}

/** `error: <msg>` for plain client-side errors. */
export function plainError(message: string): string {
  const m = message.startsWith('error: ') ? message : `error: ${message}`;
  return m.endsWith('\n') ? m : `${m}\n`;
}

/** A client-side error plus `See 'kubectl <cmd> -h' for help and examples` (cmdutil.UsageErrorf). */
export function usageError(commandPath: string, message: string): string {
  return plainError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/**
 * What cmdutil.CheckErr prints for the aggregate of a command that went on after errors
 * (ContinueOnError): one error as `error: <msg>`, several each on its own line as they are.
 */
export function aggregateErrors(messages: string[]): string {
  if (messages.length === 1) return plainError(messages[0]);
  return messages.map((m) => `${m}\n`).join('');
}
