/**
 * `kubectl debug node/NAME`: a pod on that node in its host namespaces with the node's root file
 * system at /host, the way debug.go's generateNodeDebugPod and the profiles' node style build it
 * (the pod is named node-debugger-NODE-xxxxx; its one container is `debugger` unless -c names it).
 */
import type { Pod } from '../../../api/types.js';
import type { Any } from '../../../api/objects.js';
import type { Invocation } from '../../command.js';
import { statusErrorText } from '../../errors.js';
import type { Profile } from './profiles.js';

/** What each profile changes for a node (profiles.go, the node cases). */
function nodeProfile(profile: Profile, spec: Any, c: Any): void {
  const hostNamespaces = () => Object.assign(spec, { hostIPC: true, hostNetwork: true, hostPID: true });
  const rootPartition = () => {
    spec.volumes = [{ name: 'host-root', hostPath: { path: '/' } }];
    c.volumeMounts = [{ mountPath: '/host', name: 'host-root' }];
  };
  switch (profile) {
    case 'legacy':
    case 'general':
      hostNamespaces();
      rootPartition();
      return;
    case 'baseline':
      return;
    case 'restricted':
      c.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
      return;
    case 'netadmin':
      hostNamespaces();
      c.securityContext = { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } };
      return;
    case 'sysadmin':
      hostNamespaces();
      rootPartition();
      c.securityContext = { privileged: true };
      return;
  }
}

/** The debugging pod for node `nodeName`: `steps.fill` sets what the flags give, `steps.customize` applies --custom after the profile. */
export function byNode(inv: Invocation, nodeName: string, profile: Profile, steps: { fill: (c: Any) => void; customize: (c: Any) => void }, quiet: boolean): { pod: Pod; container: string } | undefined {
  const node = inv.api.get('nodes', undefined, nodeName);
  if (!node.ok) {
    inv.err(statusErrorText(node.status));
    return undefined;
  }
  const container = inv.flags.str('container') || 'debugger';
  const name = `node-debugger-${nodeName}-${inv.host.random.nameSuffix()}`;
  if (!quiet) inv.out(`Creating debugging pod ${name} with container ${container} on node ${nodeName}.\n`);
  const c: Any = { name: container, terminationMessagePolicy: 'File' };
  steps.fill(c);
  const spec: Any = { containers: [c], nodeName, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] };
  nodeProfile(profile, spec, c);
  steps.customize(c);
  const r = inv.api.create('pods', inv.namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
  if (!r.ok) {
    inv.err(statusErrorText(r.status));
    return undefined;
  }
  return { pod: r.value as unknown as Pod, container };
}
