/**
 * The busybox multi-call binary: one executable that acts as the applet named by argv[0]. In the
 * docker library's busybox images the applet set, `--list` and the help text are those of the image's
 * release; an applet of that release the sandbox has no model of says so instead of pretending.
 */
import type { Proc, Program } from '../kernel/process.js';
import { busyboxBanner, busyboxBuildOf } from './busybox-release.js';

const base = (path: string | undefined) => (path ?? '').split('/').pop() ?? '';

/** `busybox` without arguments: banner, usage, and the applets wrapped as busybox wraps them. */
function help(proc: Proc, applets: readonly string[]): string {
  // busybox keeps the last column free so that no line ends in a comma at the very edge
  const width = (Number(proc.env.COLUMNS) || 80) - 1;
  let out = `${busyboxBanner(proc)}
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever it was invoked as.

Currently defined functions:
`;
  let col = 0;
  for (const name of applets) {
    const len = name.length + 2;
    if (col >= width - len) {
      out += ',\n';
      col = 0;
    }
    out += col === 0 ? '\t' : ', ';
    out += name;
    col = col === 0 ? 6 + len : col + len;
  }
  return `${out}\n`;
}

export function makeBusybox(implemented: Record<string, Program>): Program {
  return function* busybox(proc) {
    const applets = busyboxBuildOf(proc)?.applets ?? Object.keys(implemented).sort();
    let name = base(proc.argv[0]);
    if (name === 'busybox') {
      const option = proc.argv[1];
      if (option === undefined || (option === '--help' && proc.argv.length === 2)) {
        proc.stdout.write(help(proc, applets));
        return 0;
      }
      if (option === '--list-full') {
        proc.stderr.write('busybox: --list-full is not simulated in this sandbox (--list is)\n');
        return 1;
      }
      if (option.startsWith('--list')) {
        proc.stdout.write(applets.map((a) => `${a}\n`).join(''));
        return 0;
      }
      // `busybox --help APPLET` is `APPLET --help`
      if (option === '--help') proc.argv.splice(0, 3, proc.argv[2], '--help');
      else proc.argv.shift();
      name = base(proc.argv[0]);
    }
    if (!applets.includes(name)) {
      proc.stderr.write(`${name}: applet not found\n`);
      return 127;
    }
    const applet = implemented[name];
    if (!applet) {
      proc.stderr.write(`${name}: this applet is not simulated in this sandbox\n`);
      return 1;
    }
    return yield* applet(proc);
  };
}
