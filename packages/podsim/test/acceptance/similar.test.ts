/**
 * The "similar to" comparison. Page sides are excerpts of kubernetes.io pages (as printed there);
 * the other sides are written in kubectl 1.32's formats, with other names, ages and addresses.
 */
import { describe, expect, it } from 'vitest';
import { similar } from './similar.js';

describe('similar', () => {
  it('matches a table from an older kubectl by column, ignoring spacing, ages and the restart note', () => {
    const page = 'NAME            READY     STATUS      RESTARTS   AGE\nmemory-demo-2   0/1       OOMKilled   1          24s';
    const ours = 'NAME            READY   STATUS      RESTARTS     AGE\nmemory-demo-2   0/1     OOMKilled   1 (8s ago)   31s\n';
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
  });

  it('reports a row whose stable cells differ', () => {
    const page = 'NAME            READY     STATUS    RESTARTS   AGE\nmemory-demo-2   1/1       Running   2          40s';
    const ours = 'NAME            READY   STATUS    RESTARTS   AGE\nmemory-demo-2   1/1     Running   0          40s\n';
    expect(similar(page, ours)).toEqual({ match: false, missing: ['memory-demo-2   1/1       Running   2          40s'] });
  });

  it('needs every column the page shows', () => {
    const page = 'NAME      STATUS   VOLUME   CAPACITY\ntask-pv   Bound    pv-1     10Gi';
    const ours = 'NAME      STATUS   AGE\ntask-pv   Bound    5s\n';
    expect(similar(page, ours).match).toBe(false);
  });

  it('treats generated names, addresses and node names as any value', () => {
    const page = 'NAME                                READY     STATUS    RESTARTS   AGE       IP           NODE\nnginx-deployment-1006230814-6winp   1/1       Running   0          7m        10.244.1.5   worker0';
    const ours =
      'NAME                                READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'nginx-deployment-7c5ddbdf54-x2bkz   1/1     Running   0          12s   10.244.2.3   node02   <none>           <none>\n';
    expect(similar(page, ours).match).toBe(true);
  });

  it('compares YAML excerpts line by line, indentation and order free, with ... as a gap', () => {
    const page = '...\nresources:\n  requests:\n    memory: 100Mi\n  limits:\n    memory: 200Mi\n...';
    const ours = 'spec:\n  containers:\n  - name: c\n    resources:\n      limits:\n        memory: 200Mi\n      requests:\n        memory: 100Mi\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('200Mi', '300Mi'))).toEqual({ match: false, missing: ['    memory: 200Mi'] });
  });

  it('reads describe events with ages, counts and old `kubelet, NODE` sources normalised', () => {
    const page =
      'Type     Reason     Age                From               Message\n----     ------     ----               ----               -------\n' +
      'Warning  Unhealthy  10s (x3 over 20s)  kubelet, node01    Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory';
    const ours =
      'Events:\n  Type     Reason     Age               From               Message\n  ----     ------     ----              ----               -------\n' +
      '  Normal   Scheduled  45s               default-scheduler  Successfully assigned default/liveness-exec to node01\n' +
      "  Warning  Unhealthy  5s (x3 over 15s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n";
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('Unhealthy', 'BackOff')).match).toBe(false);
  });

  it("lets a page's <placeholder> stand for one value", () => {
    const page = 'NAME                        CPU(cores)   MEMORY(bytes)\nmemory-demo                 <something>  162856960';
    const ours = 'NAME          CPU(cores)   MEMORY(bytes)\nmemory-demo   1m           150Mi\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar('pod/<name> created', 'pod/web created\n').match).toBe(true);
    expect(similar('pod/<name> created', 'pod/web configured\n').match).toBe(false);
  });

  it('names nodes in a node table freely, labels included', () => {
    const page = 'NAME      STATUS    ROLES    AGE     VERSION        LABELS\nworker0   Ready     <none>   1d      v1.13.0        ...,disktype=ssd,kubernetes.io/hostname=worker0';
    const ours = 'NAME     STATUS   ROLES    AGE   VERSION   LABELS\nnode01   Ready    <none>   5m    v1.32.0   beta.kubernetes.io/arch=amd64,disktype=ssd,kubernetes.io/hostname=node01\n';
    expect(similar(page, ours).match).toBe(true);
  });

  it('plain lines must each be found once', () => {
    expect(similar('Hello shell demo', 'Hello shell demo\n').match).toBe(true);
    expect(similar('a\na', 'a\n')).toEqual({ match: false, missing: ['a'] });
    expect(similar('pod/myapp-pod created', 'error: the path "myapp.yaml" does not exist\n').match).toBe(false);
  });
});
