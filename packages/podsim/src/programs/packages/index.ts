/**
 * The offline package index behind apt-get, apk and dnf: each package's name per distribution,
 * version, download size and the programs it installs. A program the simulator has (PROGRAMS) is
 * the real thing; one it lacks is installed as a stub that says so, so nothing pretends to work.
 */
import type { Program } from '../../kernel/process.js';
import { CLIENT_PROGRAMS, PACKAGE_PROGRAMS } from '../clients/index.js';
import { PROGRAMS } from '../index.js';

export type Distro = 'debian' | 'alpine' | 'fedora';

export interface Package {
  names: Partial<Record<Distro, string>>;
  /** Version per distribution (Debian bookworm, Alpine 3.21, Fedora 41). */
  versions: Partial<Record<Distro, string>>;
  /** Download size in kB. */
  kb: number;
  bins: string[];
}

const pkg = (debian: string | undefined, alpine: string | undefined, fedora: string | undefined, versions: [string, string, string], kb: number, bins: string[]): Package => ({
  names: { debian, alpine, fedora },
  versions: { debian: versions[0], alpine: versions[1], fedora: versions[2] },
  kb,
  bins,
});

export const PACKAGES: Package[] = [
  pkg('procps', 'procps-ng', 'procps-ng', ['2:4.0.2-3', '4.0.4-r2', '4.0.4-4.fc41'], 709, ['ps', 'free', 'kill', 'top', 'pgrep', 'pkill', 'uptime', 'watch', 'vmstat']),
  pkg('curl', 'curl', 'curl', ['7.88.1-10+deb12u8', '8.11.1-r0', '8.9.1-3.fc41'], 315, ['curl']),
  pkg('wget', 'wget', 'wget2-wget', ['1.21.3-1+b2', '1.25.0-r0', '2.1.0-13.fc41'], 937, ['wget']),
  pkg('iputils-ping', 'iputils-ping', 'iputils', ['3:20221126-1', '20240905-r0', '20240905-1.fc41'], 47, ['ping']),
  pkg('dnsutils', 'bind-tools', 'bind-utils', ['1:9.18.28-1~deb12u2', '9.18.32-r0', '32:9.18.30-1.fc41'], 2798, ['dig', 'nslookup', 'host']),
  pkg('net-tools', 'net-tools', 'net-tools', ['2.10-0.1', '2.10-r3', '2.0-0.71.20160912git.fc41'], 243, ['netstat', 'ifconfig', 'route', 'arp']),
  pkg('iproute2', 'iproute2', 'iproute', ['6.1.0-3', '6.11.0-r0', '6.10.0-1.fc41'], 1040, ['ip', 'ss']),
  pkg('vim', 'vim', 'vim-enhanced', ['2:9.0.1378-2', '9.1.0707-r0', '2:9.1.866-1.fc41'], 1568, ['vim', 'vi']),
  pkg('nano', 'nano', 'nano', ['7.2-1+deb12u1', '8.2-r0', '8.1-1.fc41'], 690, ['nano']),
  pkg('less', 'less', 'less', ['590-2.1~deb12u2', '668-r0', '661-2.fc41'], 132, ['less']),
  pkg('jq', 'jq', 'jq', ['1.6-2.1', '1.7.1-r0', '1.7.1-8.fc41'], 65, ['jq']),
  pkg('netcat-openbsd', 'netcat-openbsd', 'nmap-ncat', ['1.219-1', '1.226.1.1-r0', '3:7.92-3.fc41'], 41, ['nc']),
  pkg('netcat-traditional', undefined, undefined, ['1.10-47', '', ''], 67, ['nc']),
  pkg('telnet', 'busybox-extras', 'telnet', ['0.17+2.4-2+deb12u1', '1.37.0-r8', '1:0.17-93.fc41'], 62, ['telnet']),
  pkg('htop', 'htop', 'htop', ['3.2.2-2', '3.3.0-r0', '3.3.0-4.fc41'], 153, ['htop']),
  pkg('redis-tools', 'redis', 'redis', ['5:7.0.15-1~deb12u1', '7.2.7-r0', '7.2.6-1.fc41'], 988, ['redis-cli']),
  pkg('postgresql-client', 'postgresql-client', 'postgresql', ['15+248', '17.2-r0', '16.4-2.fc41'], 1700, ['psql']),
  pkg('default-mysql-client', 'mysql-client', 'mariadb', ['1.1.0', '11.4.4-r1', '3:10.11.10-1.fc41'], 1542, ['mysql']),
  pkg('openssl', 'openssl', 'openssl', ['3.0.15-1~deb12u1', '3.3.2-r4', '1:3.2.2-9.fc41'], 1419, ['openssl']),
  pkg('git', 'git', 'git', ['1:2.39.5-0+deb12u1', '2.47.1-r0', '2.47.1-1.fc41'], 7259, ['git']),
  pkg('bash', 'bash', 'bash', ['5.2.15-2+b7', '5.2.37-r0', '5.2.32-1.fc41'], 1489, ['bash']),
  pkg('coreutils', 'coreutils', 'coreutils', ['9.1-1', '9.5-r2', '9.5-9.fc41'], 2911, ['base64', 'cat', 'ls', 'sort']),
  pkg('tcpdump', 'tcpdump', 'tcpdump', ['4.99.3-1', '4.99.5-r0', '14:4.99.5-1.fc41'], 467, ['tcpdump']),
  pkg('lsof', 'lsof', 'lsof', ['4.95.0-1', '4.99.4-r0', '4.98.0-6.fc41'], 318, ['lsof']),
  pkg('stress', 'stress-ng', 'stress-ng', ['1.0.7-1', '0.18.06-r0', '0.18.04-1.fc41'], 22, ['stress']),
];

export function findPackage(distro: Distro, name: string): Package | undefined {
  return PACKAGES.find((p) => p.names[distro] === name);
}

const notSimulated = (name: string): Program =>
  function* (proc) {
    proc.stderr.write(`${name}: this program is installed but not simulated in this sandbox\n`);
    return 1;
  };

/** Stub key of an installed program (written into the file; exec-path resolves it here). */
export const PACKAGE_KEY_PREFIX = 'pkg:';

export function packageProgram(key: string): Program | undefined {
  if (!key.startsWith(PACKAGE_KEY_PREFIX)) return undefined;
  const name = key.slice(PACKAGE_KEY_PREFIX.length);
  if (!PACKAGES.some((p) => p.bins.includes(name))) return undefined;
  // A package's own program wins over a busybox applet of the same name (bind's nslookup).
  return PACKAGE_PROGRAMS[name] ?? CLIENT_PROGRAMS[name] ?? PROGRAMS[name] ?? notSimulated(name);
}
