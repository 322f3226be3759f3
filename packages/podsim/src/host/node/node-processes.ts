/**
 * The daemons a kubeadm node runs beside the reader's login (Ubuntu 22.04, systemd): what `ps aux` on a
 * node lists of them, at PIDs of their order of start. The kubelet's command line is the one systemd
 * starts from kubeadm's drop-in (systemctl.ts).
 */
import type { PidNamespace, System } from '../../kernel/process.js';
import { emptyInput, nullOutput } from '../../kernel/streams.js';
import { forever, wait } from '../../kernel/waitable.js';
import type { MachineContext } from '../../kernel/machine.js';
import { UNITS } from './systemctl.js';

/** PID and command line, in the order systemd brought them up. */
const DAEMONS: [pid: number, argv: string][] = [
  [1, '/sbin/init'],
  [312, '/lib/systemd/systemd-journald'],
  [351, '/lib/systemd/systemd-udevd'],
  [598, '/usr/sbin/cron -f -P'],
  [612, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
  [701, UNITS.containerd!.exec],
  [1043, UNITS.kubelet!.exec],
];

/** Where the logins' PIDs start. */
const FIRST_LOGIN_PID = 2400;

/** Starts the node's daemons in its PID namespace (created empty, from PID 1). */
export function startNodeDaemons(ns: PidNamespace, sys: System, ctx: MachineContext): void {
  let next = 1;
  const skipTo = (pid: number) => {
    for (; next < pid; next++) ns.reservePid();
  };
  for (const [pid, cmd] of DAEMONS) {
    skipTo(pid);
    next++;
    ns.spawn({
      argv: cmd.split(' '),
      sys,
      ctx,
      stdin: emptyInput,
      stdout: nullOutput,
      stderr: nullOutput,
      *program() {
        yield* wait(forever);
        return 0;
      },
    });
  }
  skipTo(FIRST_LOGIN_PID);
}
