/**
 * systemctl on a kubeadm node (systemd 249, Ubuntu 22.04): the kubelet and containerd units.
 * `restart kubelet` starts a new kubelet that reads its config file and lists its static pods at once;
 * `status kubelet` prints the unit's state and its last journal lines.
 */
import type { Program } from '../../kernel/process.js';
import type { NodeMachineContext } from './node-machine.js';

export const UNITS: Record<string, { description: string; path: string; dropIn?: string; docs: string; exec: string }> = {
  kubelet: {
    description: 'kubelet: The Kubernetes Node Agent',
    path: '/usr/lib/systemd/system/kubelet.service',
    dropIn: '/usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf',
    docs: 'https://kubernetes.io/docs/',
    exec:
      '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10',
  },
  containerd: { description: 'containerd container runtime', path: '/lib/systemd/system/containerd.service', docs: 'https://containerd.io', exec: '/usr/bin/containerd' },
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** systemd's format_timestamp_relative. */
export function systemdAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (d >= 1) return `${d} day${d > 1 ? 's' : ''} ${h % 24}h ago`;
  if (h >= 1) return `${h}h ${m % 60}min ago`;
  if (m >= 5) return `${m}min ago`;
  if (m >= 1) return `${m}min ${s % 60}s ago`;
  if (s >= 1) return `${s}s ago`;
  return ms > 0 ? `${ms}ms ago` : 'now';
}

function unitName(arg: string): string {
  return arg.replace(/\.service$/, '');
}

export const systemctl: Program = function* (proc) {
  const args = proc.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, ...units] = args;
  const ctx = proc.ctx as NodeMachineContext;
  const kubelet = ctx.kubelet;
  if (verb === undefined) {
    proc.stderr.write('systemctl: a verb is needed: podsim lists no unit files (try systemctl status kubelet)\n');
    return 1;
  }
  if (verb === 'daemon-reload') return 0;
  if (!['restart', 'status', 'is-active', 'is-enabled', 'start', 'try-restart', 'reload-or-restart'].includes(verb)) {
    proc.stderr.write(`systemctl ${verb}: not available in this sandbox (restart, start, status, is-active, is-enabled, daemon-reload are)\n`);
    return 1;
  }
  if (units.length === 0) {
    proc.stderr.write(`Too few arguments.\n`);
    return 1;
  }
  let status = 0;
  for (const unit of units.map(unitName)) {
    const known = UNITS[unit];
    if (!known) {
      if (verb === 'status') proc.stderr.write(`Unit ${unit}.service could not be found.\n`);
      else if (verb === 'is-active') proc.stdout.write('inactive\n');
      else if (verb === 'is-enabled') proc.stderr.write(`Failed to get unit file state for ${unit}.service: No such file or directory\n`);
      else proc.stderr.write(`Failed to ${verb.replace(/-or-/, ' or ')} ${unit}.service: Unit ${unit}.service not found.\n`);
      status = verb === 'status' ? 4 : verb === 'is-active' ? 3 : verb === 'is-enabled' ? 1 : 5;
      continue;
    }
    if (verb === 'is-active') proc.stdout.write('active\n');
    else if (verb === 'is-enabled') proc.stdout.write('enabled\n');
    else if (verb === 'status') proc.stdout.write(statusText(unit, known, kubelet, proc.clock.now()));
    else if (unit === 'kubelet' && verb !== 'start') kubelet.restart();
  }
  return status;
};

function statusText(unit: string, u: (typeof UNITS)[string], kubelet: NodeMachineContext['kubelet'], now: number): string {
  const since = unit === 'kubelet' ? kubelet.startedAt : kubelet.bootedAt;
  const d = new Date(since);
  const p = (n: number) => String(n).padStart(2, '0');
  const when = `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
  const pid = unit === 'kubelet' ? kubelet.journal.pid : 400;
  const lines = [
    `● ${unit}.service - ${u.description}`,
    `     Loaded: loaded (${u.path}; enabled; vendor preset: enabled)`,
    ...(u.dropIn ? [`    Drop-In: ${u.dropIn}`] : []),
    `     Active: active (running) since ${when}; ${systemdAgo(now - since)}`,
    `       Docs: ${u.docs}`,
    `   Main PID: ${pid} (${unit})`,
    `     CGroup: /system.slice/${unit}.service`,
    `             └─${pid} ${u.exec}`,
  ];
  const journal = unit === 'kubelet' ? kubelet.journal.lines().slice(-10) : [];
  return lines.join('\n') + '\n' + (journal.length ? '\n' + journal.join('\n') + '\n' : '');
}
