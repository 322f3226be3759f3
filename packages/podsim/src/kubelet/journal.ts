/**
 * The kubelet's own log as journald keeps it (`journalctl -u kubelet`): klog header lines
 * (`E1127 09:00:20.000000    1234 file.go:187] "msg" key="value"`) behind the syslog prefix
 * (`Nov 27 09:00:20 node01 kubelet[1234]: `). Bounded, as journald rotates.
 */
import type { Clock } from '../clock/clock.js';

const MAX_LINES = 2000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const clockTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
/** journald's short format: `Nov 27 09:00:20`. */
const syslogTime = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clockTime(d)}`;

export class KubeletJournal {
  private readonly entries: string[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly host: string,
    /** The kubelet's process id: it changes with every `systemctl restart kubelet`. */
    public pid: number,
  ) {}

  /** klog's structured line: a quoted message, then `key="value"` pairs in the order given. */
  log(severity: 'I' | 'W' | 'E', source: string, message: string, pairs: Record<string, string> = {}): void {
    const d = new Date(this.clock.now());
    const kv = Object.entries(pairs).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('');
    const klog = `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${clockTime(d)}.${pad(d.getUTCMilliseconds(), 3)}000 ${String(this.pid).padStart(7)} ${source}] ${JSON.stringify(message)}${kv}`;
    this.entries.push(`${syslogTime(d)} ${this.host} kubelet[${this.pid}]: ${klog}`);
    if (this.entries.length > MAX_LINES) this.entries.splice(0, this.entries.length - MAX_LINES);
  }

  /** systemd's own lines about the unit (`Started kubelet.service - ...`). */
  systemd(message: string): void {
    this.entries.push(`${syslogTime(new Date(this.clock.now()))} ${this.host} systemd[1]: ${message}`);
  }

  lines(): readonly string[] {
    return this.entries;
  }
}
