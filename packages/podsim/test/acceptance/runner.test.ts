/** The reader the docs acceptance runner plays: their editor, and which of a page's alternative commands they run. */
import { describe, expect, it } from 'vitest';
import type { CorpusStep } from './corpus.js';
import { edited } from './reader-editor.js';
import { ageSeconds, describedName, listedAges, oldestEvent, paceAsThePage } from './reader-pace.js';
import { learnNames, ownNames } from './reader-names.js';
import { learnAddresses, onPath, ownAddresses } from './runner.js';
import { isWatch, sameWatch, SecondTerminal } from './second-terminal.js';
import { letWatchedPodsSettle, settled } from './reader-watch.js';
import { Sandbox } from '../../src/host/sandbox.js';

describe('acceptance reader', () => {
  it('changes the YAML field the prose names, not an annotation quoting the same value (concepts/workloads/controllers/deployment)', () => {
    const yaml =
      'metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.14.2"}]}}}}\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx:1.14.2\n        name: nginx\n';
    const out = edited(yaml, { from: 'nginx:1.14.2', to: 'nginx:1.16.1' });
    expect(out).toContain('      - image: nginx:1.16.1\n');
    expect(out).toContain('"image":"nginx:1.14.2"');
    expect(edited(yaml, { from: 'nginx:1.99', to: 'nginx:1.16.1' })).toBeUndefined();
    expect(edited(yaml, undefined)).toBeUndefined();
  });

  it('sets the field at the end of the path the page shows edited, deep in the object (tutorials/configuration/updating-configuration-via-a-configmap)', () => {
    const yaml =
      'spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        volumeMounts:\n        - name: config-volume\n      volumes:\n      - configMap:\n          defaultMode: 420\n          name: company-name-20150801\n        name: config-volume\n';
    const out = edited(yaml, { field: ['volumes', 'configMap', 'name'], to: 'company-name-20240312' });
    expect(out).toBe(yaml.replace('name: company-name-20150801', 'name: company-name-20240312'));
    expect(edited(out ?? '', { field: ['volumes', 'configMap', 'name'], to: 'company-name-20240312' })).toBeUndefined();
  });

  it('reads the ages a page printed, as kubectl writes durations (HumanDuration)', () => {
    expect([ageSeconds('72s'), ageSeconds('2m3s'), ageSeconds('12m'), ageSeconds('3h4m'), ageSeconds('5d'), ageSeconds('<invalid>'), ageSeconds('')]).toEqual([72, 123, 720, 11040, 432000, undefined, undefined]);
    const page = 'NAME        READY   STATUS    RESTARTS   AGE\npod/redis   1/1     Running   0          8s\n\nNAME                             DATA   AGE\nconfigmap/example-redis-config   1      14s';
    expect(listedAges(page)).toEqual([{ name: 'redis', seconds: 8 }, { name: 'example-redis-config', seconds: 14 }]);
    expect(listedAges('NAME   READY\nweb    1/1')).toEqual([]);
  });

  it('types a `kubectl get` as soon as the page\'s reader did when the youngest object it lists was just made here too (concepts/workloads/controllers/replicaset: pod1 at 1s)', () => {
    const sb = new Sandbox({ cols: 200, rows: 50 });
    sb.advance(5_000);
    sb.runLine('kubectl create configmap old');
    sb.advance(60_000);
    sb.runLine('kubectl create configmap pod1');
    const step = (command: string, expected?: string): CorpusStep => ({ command, line: 1, ...(expected === undefined ? {} : { expected }) }) as CorpusStep;
    const own = (name: string) => name;
    const page = 'NAME   DATA   AGE\nold    0      10m\npod1   0      1s';
    // Halfway into the page's second, by the object's creationTimestamp (whole seconds).
    const pace = paceAsThePage(sb, step('kubectl get configmaps', page), own, 3_000);
    expect(pace).toBeGreaterThan(1_000);
    expect(pace).toBeLessThanOrEqual(1_500);
    // Not when the page's youngest object is older than the usual pace, nor for a watch or a command without output.
    expect(paceAsThePage(sb, step('kubectl get configmaps', 'NAME   DATA   AGE\npod1   0      12s'), own, 3_000)).toBe(3_000);
    expect(paceAsThePage(sb, step('kubectl get configmaps --watch', page), own, 3_000)).toBe(3_000);
    expect(paceAsThePage(sb, step('kubectl get configmaps'), own, 3_000)).toBe(3_000);
    // Nor when the object the page lists young was made here long before (an earlier step's).
    expect(paceAsThePage(sb, step('kubectl get configmaps', 'NAME   DATA   AGE\nold    0      1s'), own, 3_000)).toBe(3_000);
  });

  it('reads how old the oldest event a page\'s describe lists is, repeated ones by their first time (tasks/configure-pod-container/configure-liveness-readiness-startup-probes)', () => {
    const page = [
      'Events:',
      '  Type     Reason     Age                From               Message',
      '  ----     ------     ----               ----               -------',
      '  Normal   Scheduled  57s                default-scheduler  Successfully assigned default/liveness-exec to node01',
      '  Warning  Unhealthy  10s (x3 over 70s)  kubelet, node01    Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory',
      '  Normal   Killing    10s                kubelet, node01    Container liveness failed liveness probe, will be restarted',
    ].join('\n');
    expect(oldestEvent(page)).toBe(70);
    expect(oldestEvent('Events:  <none>')).toBeUndefined();
    expect(describedName('kubectl describe pod liveness-exec')).toBe('liveness-exec');
    expect(describedName('kubectl describe jobs/indexed-job')).toBe('indexed-job');
    expect(describedName('kubectl describe -f myapp.yaml')).toBeUndefined();
    expect(describedName('kubectl describe pods')).toBeUndefined();
    expect(describedName('kubectl describe pod -l app=web')).toBeUndefined();
  });

  it('types the name an earlier output showed in place of the page\'s (tasks/job/indexed-parallel-processing-static)', () => {
    const t = { sb: new Sandbox({ seed: 1 }), names: new Map<string, string>() };
    // The page's describe events, and a 1.32 cluster's: an Indexed Job's pods carry their index (<job>-<index>-<suffix>).
    const page = ['njkjj', '9kd4h', 'qjwsz', 'fdhq5', 'ncslj'].map((s) => `Normal  SuccessfulCreate  4s    job-controller  Created pod: indexed-job-${s}`).join('\n');
    const ours = ['0-p4f5p', '1-649sl', '2-gs2xn', '3-fbk7g', '4-c76bf'].map((s) => `Normal  SuccessfulCreate  9s    job-controller  Created pod: indexed-job-${s}`).join('\n');
    learnNames(t, page, ours);
    expect(ownNames(t, 'kubectl logs indexed-job-fdhq5')).toBe('kubectl logs indexed-job-3-fbk7g');
    // Outputs naming a different number of objects say nothing about which is which.
    const other = { sb: t.sb, names: new Map<string, string>() };
    learnNames(other, page, ours.split('\n').slice(0, 3).join('\n'));
    expect(ownNames(other, 'kubectl logs indexed-job-fdhq5')).toBe('kubectl logs indexed-job-fdhq5');
  });

  it('runs one command of a group of alternatives: the first, or the one being scored', () => {
    const step = (command: string, alternative?: boolean): CorpusStep => ({ command, line: 1, ...(alternative ? { alternative } : {}) });
    const steps = [step('a'), step('b1'), step('b2', true), step('b3', true), step('c')];
    expect([...onPath(steps)].map((s) => s.command)).toEqual(['a', 'b1', 'c']);
    expect([...onPath(steps, steps[3])].map((s) => s.command)).toEqual(['a', 'b3', 'c']);
  });

  it('knows a watch however the page writes it (tutorials/stateful-application/basic-stateful-set)', () => {
    expect(isWatch('kubectl get pods --watch -l app=nginx')).toBe(true);
    expect(isWatch('kubectl get pod -l app=nginx -w')).toBe(true);
    expect(isWatch('kubectl rollout status deployment web --watch=true')).toBe(false);
    expect(isWatch('kubectl get pods --watch-only')).toBe(false);
    expect(sameWatch('kubectl get pods --watch -l app=nginx', 'kubectl get pod --watch -l app=nginx')).toBe(true);
    expect(sameWatch('kubectl get pod -l app=nginx --watch', 'kubectl get pods --watch -l app=nginx')).toBe(true);
    expect(sameWatch('kubectl get pods --watch -l app=nginx', 'kubectl get pods --watch -l app=web')).toBe(false);
  });

  it('keeps a watch started in the second terminal running while the reader goes on, and shows what it printed', () => {
    const sb = new Sandbox({ seed: 1 });
    const second = new SecondTerminal(sb);
    second.start('kubectl get pods --watch');
    expect(second.shows('kubectl get pod --watch')).toBe(true);
    sb.runLine('kubectl run web --image=nginx');
    sb.advance(30_000);
    const shown = second.look().split('\n').map((l) => l.split(/\s+/).slice(0, 3).join(' '));
    // A watch from before the pod existed sees it created, scheduled, started and running (kubectl get.go watch).
    expect(shown).toEqual(expect.arrayContaining(['NAME READY STATUS', 'web 0/1 Pending', 'web 0/1 ContainerCreating', 'web 1/1 Running']));
    expect(shown.filter((l) => l === 'web 0/1 Pending')).toHaveLength(2);
    expect(second.shows('kubectl get pods --watch')).toBe(false);
  });

  it('types this cluster\'s address and node port where the page typed the ones its output showed (tutorials/services/source-ip)', () => {
    const seen = new Map<string, string>();
    learnAddresses(seen, 'NAME        TYPE        CLUSTER-IP    PORT(S)\nclusterip   ClusterIP   10.0.170.92   80/TCP', 'NAME        TYPE        CLUSTER-IP      PORT(S)\nclusterip   ClusterIP   10.97.12.200    80/TCP');
    learnAddresses(seen, '  healthCheckNodePort: 32122', '  healthCheckNodePort: 30417');
    expect(ownAddresses(seen, 'wget -qO - 10.0.170.92')).toBe('wget -qO - 10.97.12.200');
    expect(ownAddresses(seen, 'curl localhost:32122/healthz')).toBe('curl localhost:30417/healthz');
    // A port outside the node-port range, or one the page never printed, is typed as written.
    expect(ownAddresses(seen, 'curl localhost:10249/proxyMode; curl localhost:31000')).toBe('curl localhost:10249/proxyMode; curl localhost:31000');
  });

  it('goes on from a pod watch in the second terminal once a scaled-up StatefulSet has all its pods up, one after the other (run-replicated-stateful-application)', () => {
    const sb = new Sandbox({ cols: 200, rows: 50 });
    sb.writeFile('sts.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  serviceName: web\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: busybox:1.36\n        command: [sleep, "3600"]\n        readinessProbe:\n          exec: {command: ["true"]}\n          initialDelaySeconds: 20\n');
    sb.runLine('kubectl apply -f sts.yaml');
    const watch = 'kubectl get pods -l app=web --watch';
    expect(settled(sb, watch)).toBe(false);
    expect(settled(sb, 'kubectl get pods -l app=other --watch')).toBe(true);
    letWatchedPodsSettle(sb, watch);
    expect(settled(sb, watch)).toBe(true);
    expect(sb.runLine('kubectl get pods -l app=web -o name').output).toBe('pod/web-0\npod/web-1\npod/web-2\n');
  });
});
