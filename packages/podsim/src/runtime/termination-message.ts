/**
 * The terminated state's message: the file at terminationMessagePath, or with
 * FallbackToLogsOnError and a failed, silent file, the log tail (k8s kuberuntime_container.go:
 * at most 80 lines and 2048 bytes; the file itself is capped at 4096 bytes).
 */
import type { FileSystem } from '../kernel/fs.js';
import type { LogBuffer } from './logs.js';

const FILE_LIMIT = 4096;
const LOG_LINES = 80;
const LOG_BYTES = 2048;

export function terminationMessage(fs: FileSystem, path: string, policy: 'File' | 'FallbackToLogsOnError' | undefined, exitCode: number, log: LogBuffer): string | undefined {
  const text = fs.readFileOr(path).slice(0, FILE_LIMIT);
  if (text !== '') return text;
  if (policy !== 'FallbackToLogsOnError' || exitCode === 0) return undefined;
  const tail = log.lines().slice(-LOG_LINES).map((l) => l.text + '\n').join('');
  const bytes = new TextEncoder().encode(tail);
  const cut = bytes.length > LOG_BYTES ? new TextDecoder().decode(bytes.slice(bytes.length - LOG_BYTES)) : tail;
  return cut === '' ? undefined : cut;
}
