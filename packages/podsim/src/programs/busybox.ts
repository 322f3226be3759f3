/** The busybox multi-call binary: one executable that acts as the applet named by argv[0]. */
import type { Program } from '../kernel/process.js';
import { BUSYBOX_BANNER } from './util.js';

export function makeBusybox(applets: Record<string, Program>): Program {
  return function* busybox(proc) {
    let name = (proc.argv[0] ?? '').split('/').pop() ?? '';
    if (name === 'busybox') {
      if (proc.argv.length < 2) {
        const list = Object.keys(applets).sort().join(', ');
        proc.stdout.write(`${BUSYBOX_BANNER}\n\nUsage: busybox [function [arguments]...]\n\nCurrently defined functions:\n\t${list}\n`);
        return 0;
      }
      proc.argv.shift();
      name = (proc.argv[0] ?? '').split('/').pop() ?? '';
    }
    const applet = applets[name];
    if (!applet) {
      proc.stderr.write(`${name}: applet not found\n`);
      return 127;
    }
    return yield* applet(proc);
  };
}
