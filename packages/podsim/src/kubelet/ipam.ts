/**
 * Pod IPs from the node's pod CIDR, handed out in order from .2 (.1 is the bridge) and skipping
 * addresses in use, like the host-local IPAM plugin. Only /24 ranges are used by the simulator.
 */
export class Ipam {
  private readonly prefix: string;
  private last = 1;
  private readonly used = new Set<number>();

  constructor(podCIDR: string) {
    this.prefix = podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
  }

  get gateway(): string {
    return `${this.prefix}.1`;
  }

  allocate(): string {
    for (let i = 0; i < 253; i++) {
      const n = ((this.last - 1 + i) % 253) + 2;
      if (!this.used.has(n)) {
        this.used.add(n);
        this.last = n;
        return `${this.prefix}.${n}`;
      }
    }
    return `${this.prefix}.254`;
  }

  release(ip: string): void {
    this.used.delete(Number(ip.split('.')[3]));
  }
}
