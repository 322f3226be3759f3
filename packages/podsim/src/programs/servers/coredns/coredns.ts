/**
 * CoreDNS as kubeadm runs it (`/coredns -conf /etc/coredns/Corefile`): reads and fingerprints the
 * Corefile, prints its start banner, answers DNS on 53 from the cluster's records (the kubernetes
 * plugin's view) and serves health on 8080, ready on 8181 and metrics on 9153. On SIGTERM it logs
 * the shutdown and its health plugin's lameduck, then exits after the lameduck's 5 s.
 */
import { dnsSessions, type DnsQuery, type DnsReply } from '../../../kernel/dns.js';
import { machineOf } from '../../../kernel/machine.js';
import type { Proc, Program } from '../../../kernel/process.js';
import { SIGNALS } from '../../../kernel/signals.js';
import { forever, sleep, wait } from '../../../kernel/waitable.js';
import { bindPort } from '../../http-server.js';
import { resolvePath } from '../../../kernel/fs.js';
import { CHECKSUMS } from '../../checksums.js';
import { corefileDigest, parseCorefile, serverAddresses } from './corefile.js';

/** Build lines of the releases kubeadm deploys, as their start banners print them. */
const BUILDS: Record<string, string> = {
  '1.9.3': 'go1.18.2, 45b0a11',
  '1.10.1': 'go1.20, 055b2c3',
  '1.11.1': 'go1.20.7, ae2bbc2',
  '1.11.3': 'go1.21.11, a6338e9',
};

const LAMEDUCK_MS = 5_000;

function answer(proc: Proc, q: DnsQuery): DnsReply {
  const dns = machineOf(proc).net?.network?.dns;
  if (!dns) return { rcode: 'NXDOMAIN', answers: [] };
  if (q.type === 'PTR') {
    const name = dns.reverse(q.name);
    return name ? { rcode: 'NOERROR', answers: [name] } : { rcode: 'NXDOMAIN', answers: [] };
  }
  if (q.type === 'SRV') {
    const records = dns.srv(q.name);
    // The kubernetes plugin shares a weight of 100 among the records of one priority.
    const weight = Math.floor(100 / records.length);
    const answers = records.map((r) => `0 ${weight} ${r.port} ${r.target}.`);
    const extra = records.flatMap((r) => dns.lookup(r.target).map((ip) => ({ name: r.target, ip })));
    return { rcode: records.length ? 'NOERROR' : 'NXDOMAIN', answers, extra };
  }
  const ips = dns.lookup(q.name);
  return { rcode: ips.length ? 'NOERROR' : 'NXDOMAIN', answers: ips };
}

export function coredns(version: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    const at = args.indexOf('-conf');
    const path = resolvePath(proc.cwd, at >= 0 ? (args[at + 1] ?? '') : 'Corefile');
    let text: string;
    try {
      text = machineOf(proc).fs.readFile(path);
    } catch {
      proc.stdout.write(`[FATAL] open ${path}: no such file or directory\n`);
      return 1;
    }
    const blocks = parseCorefile(text);
    if (typeof blocks === 'string') {
      proc.stdout.write(`[FATAL] ${blocks}\n`);
      return 1;
    }
    const build = BUILDS[version] ?? 'go1.21.11, a6338e9';
    if (!CHECKSUMS.loaded) yield CHECKSUMS.whenLoaded();
    proc.stdout.write(`${serverAddresses(blocks).join('\n')}\n[INFO] plugin/reload: Running configuration SHA512 = ${corefileDigest(blocks)}\nCoreDNS-${version}\nlinux/amd64, ${build}\n`);
    const ok = () => ({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'OK' });
    const [goVersion, revision] = build.split(', ');
    bindPort(proc, 53, undefined, dnsSessions((q) => answer(proc, q)));
    bindPort(proc, 8080, ok);
    bindPort(proc, 8181, ok);
    bindPort(proc, 9153, () => ({
      status: 200,
      headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
      body: `# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="${goVersion}",revision="${revision}",version="${version}"} 1\n`,
    }));
    let stopping = false;
    proc.trap(SIGNALS.SIGTERM, () => {
      if (stopping) return;
      stopping = true;
      proc.stdout.write('[INFO] SIGTERM: Shutting down servers then terminating\n[INFO] plugin/health: Going into lameduck mode for 5s\n');
      sleep(proc.clock, LAMEDUCK_MS).subscribe(() => proc.exit(0));
    });
    proc.trap(SIGNALS.SIGINT, () => proc.exit(0));
    yield* wait(forever);
    return 0;
  };
}
