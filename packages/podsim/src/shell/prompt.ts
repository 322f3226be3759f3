/** PS1 escapes (\u \h \w \W \$ …) as bash and busybox ash expand them. */
import type { Shell } from './shell.js';

export function expandPrompt(sh: Shell, ps: string): string {
  const user = sh.getVar('USER') ?? sh.getVar('LOGNAME') ?? 'root';
  const home = sh.getVar('HOME');
  const host = sh.proc.sys.hostname();
  const cwd = sh.cwd;
  const tilde = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
  return ps.replace(/\\([uhHwW$n\\[\]e]|\d{3})/g, (_, c: string) => {
    switch (c) {
      case 'u':
        return user;
      case 'h':
        return host.split('.')[0];
      case 'H':
        return host;
      case 'w':
        return tilde;
      case 'W':
        return tilde === '~' ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
      case '$':
        return user === 'root' ? '#' : '$';
      case 'n':
        return '\n';
      case '\\':
        return '\\';
      case 'e':
        return '\x1b';
      case '[':
      case ']':
        return '';
      default:
        return String.fromCharCode(parseInt(c, 8));
    }
  });
}
