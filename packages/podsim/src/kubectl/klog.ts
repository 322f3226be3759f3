/** A klog error line as kubectl prints for asynchronous failures (`E1127 09:00:01.000000    1234 file.go:42] …`). */
export function klogError(now: number, pid: number, where: string, message: string): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `E${stamp} ${String(pid).padStart(7)} ${where}] ${message}\n`;
}
