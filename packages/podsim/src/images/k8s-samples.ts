/**
 * The Kubernetes docs' test and sample images: registry.k8s.io liveness, goproxy, etcd,
 * echoserver, nginx-slim, test-webserver, serve_hostname, and the google-samples
 * kubernetes-bootcamp and node-hello apps. Layouts follow their Dockerfiles (scratch images hold
 * one binary; the node apps are `CMD node server.js` on a Debian node image).
 */
import { SIGNALS } from '../kernel/signals.js';
import type { Program } from '../kernel/process.js';
import { etcdMember } from '../programs/servers/control-plane.js';
import { bootcampServer, echoServer, etcdServer, goproxyServer, livenessServer, nodeApp, nodeHelloServer } from '../programs/servers/samples.js';
import { agnhost } from './agnhost.js';
import { retag, type FamilyBuild } from './families/index.js';
import { nginxImage } from './nginx.js';
import { DEFAULT_PATH, type Image, type ImageConfig } from './types.js';
import { busyboxUserland, DEBIAN_BASE_PROGRAMS, debianBase, dirs, merge, ROOT_DIRS } from './userland.js';

const config = (c: Partial<ImageConfig>): ImageConfig => ({ env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '', ...c });

function scratch(repository: string, tag: string, binaries: Record<string, Program>, c: Partial<ImageConfig>, size: number): Image {
  return { name: repository, tags: [tag], files: { '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\n' }, binaries, config: config(c), size, flavor: 'busybox' };
}

export const livenessImage: FamilyBuild = (repo, tag) => scratch(repo, tag, { '/server': livenessServer }, { cmd: ['/server'], exposedPorts: [8080] }, 2_942_144);
export const goproxyImage: FamilyBuild = (repo, tag) => scratch(repo, tag, { '/goproxy': goproxyServer }, { entrypoint: ['/goproxy'], exposedPorts: [8080] }, 2_620_344);

export const etcdImage: FamilyBuild = (repo, tag) => ({
  ...scratch(repo, tag, { '/usr/local/bin/etcd': etcdMember(etcdServer) }, { cmd: ['/usr/local/bin/etcd'], exposedPorts: [2379, 2380] }, 57_395_442),
  files: { '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\n', '/var/lib/etcd/': '', '/var/etcd/': '' },
});

export const echoserverImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(busyboxUserland('busybox'), { files: dirs(ROOT_DIRS.busybox), binaries: { '/usr/local/bin/run.sh': echoServer(tag === '1.4' ? '1.4' : '1.10') } }),
  config: config({ cmd: ['/usr/local/bin/run.sh'], exposedPorts: [8080, 8443] }),
  size: 46_069_122,
  flavor: 'busybox',
});

/** nginx-slim 0.x: a trimmed nginx 1.11–1.13 build serving the stock page on 80. */
export const nginxSlimImage: FamilyBuild = (repo, tag) => retag(nginxImage('docker.io/library/nginx', Number(tag.split('.')[1]) >= 20 ? '1.13.12' : '1.11.13'), repo, tag, { size: 51_040_312 });

export const testWebserverImage: FamilyBuild = (repo, tag) => retag(agnhost, repo, tag, { config: { ...agnhost.config, entrypoint: ['/agnhost', 'test-webserver'], cmd: [] } });
export const serveHostnameImage: FamilyBuild = (repo, tag) => retag(agnhost, repo, tag, { config: { ...agnhost.config, entrypoint: ['/agnhost', 'serve-hostname'], cmd: [], exposedPorts: [9376] } });

/**
 * The full `node:X` images these apps are built on come from buildpack-deps, which has curl and wget: the
 * bootcamp tutorial runs `kubectl exec -ti $POD_NAME -- curl http://localhost:8080` in its container.
 */
const NODE_APP_PROGRAMS = [...DEBIAN_BASE_PROGRAMS, 'curl', 'wget'];

function nodeAppImage(repo: string, tag: string, nodeVersion: string, app: Program, size: number): Image {
  return {
    name: repo,
    tags: [tag],
    ...merge(debianBase(NODE_APP_PROGRAMS), { files: { '/server.js': '' }, binaries: { '/usr/local/bin/node': nodeApp(nodeVersion, app) } }),
    config: config({ cmd: ['/bin/sh', '-c', 'node server.js'], env: { PATH: DEFAULT_PATH, NODE_VERSION: nodeVersion, NPM_CONFIG_LOGLEVEL: 'info' }, exposedPorts: [8080] }),
    size,
    flavor: 'gnu',
  };
}

export const bootcampImage: FamilyBuild = (repo, tag) => nodeAppImage(repo, tag, '6.3.1', bootcampServer(tag.replace(/^v/, '')), 83_290_116);
export const nodeHelloImage: FamilyBuild = (repo, tag) => nodeAppImage(repo, tag, '4.4.7', nodeHelloServer, 261_374_010);
