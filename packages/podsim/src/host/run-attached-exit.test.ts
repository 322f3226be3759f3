/**
 * `kubectl run -i` to the end of the pod, as kubectl 1.32's run.go decides it (handleAttachPod, waitForPod,
 * CodeExitError through CheckErr), and Ctrl+C in an attached `sh -c` loop, which ash catches when given -c
 * (busybox ash setsignal: `iflag || minusc`), so it ends even as PID 1 of its container.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

describe('kubectl run -i: the pod’s end decides the exit status', () => {
  it('a failed container ends kubectl with its code and `pod NS/NAME terminated (Reason)`, after --rm deleted it', async () => {
    const sb = new Sandbox({});
    const first = await sb.run('kubectl run x -i --restart=Never --image=busybox -- sh -c "echo hi; exit 3"');
    expect(first.exitCode).toBe(3);
    expect(first.output).toMatch(/hi\npod default\/x terminated \(Error\)\n$/);
    // The image is present now: the pod can end before kubectl sees it running, and its logs are printed instead.
    const second = await sb.run('kubectl run y -i --rm --restart=Never --image=busybox -- sh -c "echo hi; exit 4"');
    expect(second.exitCode).toBe(4);
    expect(second.output).toMatch(/hi\npod "y" deleted\npod default\/y terminated \(Error\)\n$/);
    const ok = await sb.run('kubectl run z -i --rm --restart=Never --image=busybox -- sh -c "echo fine"');
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toMatch(/fine\npod "z" deleted\n$/);
  });

  it('Ctrl+C stops an attached `sh -c` loop whose body is a slow request, and --rm deletes the pod', async () => {
    const sb = new Sandbox({});
    await sb.run('kubectl create deployment web --image=registry.k8s.io/hpa-example --port=80');
    await sb.run('kubectl expose deployment web --port=80');
    sb.advance(30_000);
    const gen = sb.runLine('kubectl run -i --tty lg --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://web >/dev/null; done"', 20_000);
    expect(gen.output).toBe("If you don't see a command prompt, try pressing enter.\n");
    const stopped = sb.runLine('\x03', 5_000);
    expect(stopped.output).toBe('^C\npod "lg" deleted\npod default/lg terminated (Error)\n');
    expect(stopped.exitCode).toBe(130);
    expect((await sb.run('kubectl get pods -o name')).output).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]+\n$/);
  });
});
