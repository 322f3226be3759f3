/**
 * Each hands-on check judged on real simulated clusters, a snapshot per second of cluster time as
 * the page takes them: it must fail on the exercise's starting state, on the unchanged crash loop,
 * on a container's retries and on other demos' pods, and pass once the fix has held for STEADY_MS.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxApi } from 'podsim';
import { coursePages } from '../../../tests/docs/page-blocks.js';
import { GOALS, STEADY_MS, type GoalMemory } from './goals.js';

const files = Object.assign({}, ...coursePages().map((p) => p.files)) as Record<string, string>;

async function cluster(...commands: string[]): Promise<SandboxApi> {
  const sb = createSandbox({ files, seed: 1 });
  for (const c of commands) await sb.run(c, { maxVirtualMs: 2000 });
  return sb;
}

/** Cluster time (ms from now) at which the goal first passes within `forMs`, or undefined. */
function judge(goal: string, sb: SandboxApi, forMs: number, memory: GoalMemory = {}): number | undefined {
  const start = sb.now();
  for (let t = 0; t <= forMs; t += 1000) {
    if (GOALS[goal].check(sb.snapshot(), memory)) return sb.now() - start;
    sb.advance(1000);
  }
  return undefined;
}

const TEN_MINUTES = 10 * 60_000;

describe('pod-ready (my-pod.yaml)', () => {
  it('fails on the exercise as given (image ngnix) and on the demo pod', async () => {
    expect(judge('pod-ready', await cluster('kubectl apply -f my-pod.yaml'), TEN_MINUTES)).toBeUndefined();
    expect(judge('pod-ready', await cluster('kubectl apply -f pod.yaml'), TEN_MINUTES)).toBeUndefined();
  });

  it('passes once the fixed pod has been Ready for 30 s', async () => {
    const sb = await cluster('kubectl apply -f my-pod.yaml');
    sb.writeFile('my-pod.yaml', files['my-pod.yaml'].replace('image: ngnix', 'image: nginx'));
    await sb.run('kubectl delete pod my-pod', { maxVirtualMs: 60_000 });
    await sb.run('kubectl apply -f my-pod.yaml', { maxVirtualMs: 2000 });
    const at = judge('pod-ready', sb, 120_000);
    expect(at).toBeGreaterThanOrEqual(STEADY_MS);
    expect(at).toBeLessThan(STEADY_MS + 15_000);
  });
});

describe('multi-container-ready (port-conflict-pod.yaml)', () => {
  it('fails on the broken port-conflict pod, 2/2 for a moment during nginx retries', async () => {
    const sb = await cluster('kubectl apply -f port-conflict-pod.yaml');
    const memory: GoalMemory = {};
    let twoOfTwo = false;
    for (let t = 0; t < TEN_MINUTES; t += 500) {
      twoOfTwo ||= sb.snapshot().pods.some((p) => p.ready === '2/2');
      expect(GOALS['multi-container-ready'].check(sb.snapshot(), memory)).toBe(false);
      sb.advance(500);
    }
    // The trap the old check fell into is really there.
    expect(twoOfTwo).toBe(true);
  });

  it("fails on the producer/consumer demo's pod, Ready 2/2 for good", async () => {
    expect(judge('multi-container-ready', await cluster('kubectl apply -f multicontainer-pod.yaml'), TEN_MINUTES)).toBeUndefined();
  });

  it('passes once web2 runs hello-app and both containers stayed Ready', async () => {
    const sb = await cluster('kubectl apply -f port-conflict-pod.yaml');
    sb.advance(20_000);
    const fixed = files['port-conflict-pod.yaml'].replace(/(name: web2\n\s+image:) nginx/, '$1 gcr.io/google-samples/hello-app:1.0');
    expect(fixed).not.toBe(files['port-conflict-pod.yaml']);
    sb.writeFile('port-conflict-pod.yaml', fixed);
    await sb.run('kubectl delete pod port-conflict-pod', { maxVirtualMs: 60_000 });
    await sb.run('kubectl apply -f port-conflict-pod.yaml', { maxVirtualMs: 2000 });
    expect(judge('multi-container-ready', sb, 120_000)).toBeGreaterThanOrEqual(STEADY_MS);
  });
});

describe('crashloop-then-running (crash-pod.yaml)', () => {
  it('fails on the unchanged crash loop, Ready for seconds after each restart', async () => {
    const sb = await cluster('kubectl apply -f crash-pod.yaml');
    const memory: GoalMemory = {};
    let readyAfterCrash = false;
    for (let t = 0; t < TEN_MINUTES; t += 1000) {
      readyAfterCrash ||= memory.crashed === true && sb.snapshot().pods.some((p) => p.ready === '1/1');
      expect(GOALS['crashloop-then-running'].check(sb.snapshot(), memory)).toBe(false);
      sb.advance(1000);
    }
    expect(readyAfterCrash).toBe(true);
  });

  it('fails on a pod that never crashed, and on the restart-policy demo', async () => {
    expect(judge('crashloop-then-running', await cluster('kubectl apply -f slow-stop-pod.yaml'), TEN_MINUTES / 2)).toBeUndefined();
    const demo = await cluster('kubectl apply -f pod-restart-policy.yaml');
    demo.advance(5000);
    for (let i = 0; i < 2; i++) {
      await demo.run('kubectl exec -it hello-world-onfailure-pod -- /usr/bin/killall hello-app', { maxVirtualMs: 2000 });
      demo.advance(5000);
    }
    expect(judge('crashloop-then-running', demo, TEN_MINUTES / 2)).toBeUndefined();
  });

  it('passes when crash-pod, after its crash loop, is replaced by one that keeps running', async () => {
    const sb = await cluster('kubectl apply -f crash-pod.yaml');
    const memory: GoalMemory = {};
    expect(judge('crashloop-then-running', sb, 60_000, memory)).toBeUndefined();
    expect(memory.crashed).toBe(true);
    sb.writeFile('crash-pod.yaml', files['crash-pod.yaml'].replace(/command: .*/, 'command: ["sleep", "3600"]'));
    await sb.run('kubectl delete pod crash-pod', { maxVirtualMs: 60_000 });
    await sb.run('kubectl apply -f crash-pod.yaml', { maxVirtualMs: 2000 });
    expect(judge('crashloop-then-running', sb, 120_000, memory)).toBeGreaterThanOrEqual(STEADY_MS);
  });
});

describe('probes-fixed (container-probes.yaml)', () => {
  it('fails on the Deployment with its probes on 8081, and on other pods', async () => {
    expect(judge('probes-fixed', await cluster('kubectl apply -f container-probes.yaml'), TEN_MINUTES)).toBeUndefined();
    expect(judge('probes-fixed', await cluster('kubectl apply -f pod.yaml'), TEN_MINUTES / 2)).toBeUndefined();
  });

  it('passes once the fixed Deployment rolled out and its pod stayed Ready', async () => {
    const sb = await cluster('kubectl apply -f container-probes.yaml');
    sb.advance(30_000);
    sb.writeFile('container-probes.yaml', files['container-probes.yaml'].replaceAll('8081', '8080'));
    await sb.run('kubectl apply -f container-probes.yaml', { maxVirtualMs: 2000 });
    expect(judge('probes-fixed', sb, 180_000)).toBeGreaterThanOrEqual(STEADY_MS);
  });
});
