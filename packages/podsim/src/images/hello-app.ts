/**
 * gcr.io/google-samples/hello-app:1.0 / 2.0 (kubernetes-engine-samples, 2017 build): alpine
 * userland plus the Go server `/hello-app`, CMD ["./hello-app"], ENV PORT 8080.
 */
import { SIGNALS } from '../kernel/signals.js';
import { helloServer } from '../programs/servers/hello-app.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { alpineBase, merge } from './userland.js';

function helloApp(tag: string, version: string, size: number, digest?: string): Image {
  const userland = merge(alpineBase(), { binaries: { '/hello-app': helloServer(version) } });
  return {
    name: 'gcr.io/google-samples/hello-app',
    tags: [tag],
    ...userland,
    config: { cmd: ['./hello-app'], env: { PATH: DEFAULT_PATH, PORT: '8080' }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
    size,
    digests: digest ? { [tag]: digest } : undefined,
    flavor: 'busybox',
  };
}

export const helloApp1 = helloApp('1.0', '1.0.0', 4190587, 'sha256:845f77fab71033404f4cfceaa1ddb27b70c3551ceb22a5e7f4498cdda6c9daea');
export const helloApp2 = helloApp('2.0', '2.0.0', 4190612);

/** hello-app:<N.0> under any of its registries: the same server, reporting version N.0.0. */
export function helloAppImage(repository: string, tag: string): Image {
  return { ...helloApp(tag, /^\d+\.\d+$/.test(tag) ? `${tag}.0` : tag, 4190587), name: repository };
}
