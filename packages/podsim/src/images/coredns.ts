/**
 * registry.k8s.io/coredns/coredns: a scratch image holding the one binary (coredns Dockerfile:
 * `ENTRYPOINT ["/coredns"]`, EXPOSE 53 53/udp). The size is the linux/amd64 v1.11.3 layer total as crictl reports it (18.6MB).
 */
import { SIGNALS } from '../kernel/signals.js';
import { coredns } from '../programs/servers/coredns/coredns.js';
import type { FamilyBuild } from './families/index.js';
import { DEFAULT_PATH } from './types.js';

export const corednsImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  files: { '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n', '/etc/ssl/certs/ca-certificates.crt': '' },
  binaries: { '/coredns': coredns(tag.replace(/^v/, '')) },
  config: { entrypoint: ['/coredns'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [53], user: '' },
  size: 18_562_039,
  flavor: 'busybox',
});
