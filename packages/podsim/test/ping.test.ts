/**
 * busybox ping between pods (networking/ping.c texts: `PING host (ip): 56 data bytes`, `64 bytes from
 * ip: seq=0 ttl=… time=… ms`, the statistics, `bad address`), and the docs page
 * tasks/job/job-with-pod-to-pod-communication: Indexed Job pods reach each other as
 * `<job>-<index>.<subdomain>` through their headless Service.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';

const JOB = `apiVersion: v1
kind: Service
metadata:
  name: headless-svc
spec:
  clusterIP: None
  selector:
    job-name: example-job
---
apiVersion: batch/v1
kind: Job
metadata:
  name: example-job
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      subdomain: headless-svc
      restartPolicy: Never
      containers:
      - name: example-workload
        image: bash:latest
        command:
        - bash
        - -c
        - |
          for i in 0 1 2
          do
            gotStatus="-1"
            wantStatus="0"
            while [ $gotStatus -ne $wantStatus ]
            do
              ping -c 1 example-job-\${i}.headless-svc > /dev/null 2>&1
              gotStatus=$?
              if [ $gotStatus -ne $wantStatus ]; then
                echo "Failed to ping pod example-job-\${i}.headless-svc, retrying in 1 second..."
                sleep 1
              fi
            done
            echo "Successfully pinged pod: example-job-\${i}.headless-svc"
          done
`;

describe('ping', () => {
  it('lets the pods of an Indexed Job with a headless subdomain Service ping each other by hostname', () => {
    const sb = new Sandbox({ seed: 1, files: { 'job.yaml': JOB } });
    expect(sb.runLine('kubectl apply -f job.yaml', 10_000).exitCode).toBe(0);
    sb.advance(60_000);
    expect(sb.runLine('kubectl get job example-job -o jsonpath={.status.succeeded}', 10_000).output).toBe('3');
    const logs = sb.runLine('kubectl logs job/example-job', 10_000).output;
    // The page's output: a pod's own name answers only once the kubelet has reported it Ready (at its next PLEG
    // relist after the start) and the endpoints controller has published its hostname, a second later.
    expect(logs.split('\n').filter((l) => l.endsWith('...') || l.startsWith('Successfully'))).toEqual([
      'Failed to ping pod example-job-0.headless-svc, retrying in 1 second...',
      ...[0, 1, 2].map((i) => `Successfully pinged pod: example-job-${i}.headless-svc`),
    ]);
  });

  it('prints busybox replies and statistics, fails on unknown names and on addresses that do not answer', () => {
    const sb = new Sandbox({ seed: 1, files: {} });
    sb.runLine('kubectl run a --image=busybox:1.36 -- sleep 3600 && kubectl run b --image=busybox:1.36 -- sleep 3600', 10_000);
    sb.advance(30_000);
    const ip = sb.runLine('kubectl get pod b -o jsonpath={.status.podIP}', 10_000).output;
    const r = sb.runLine(`kubectl exec a -- ping -c 2 ${ip}`, 30_000);
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(
      new RegExp(
        `^PING ${ip} \\(${ip}\\): 56 data bytes\\n64 bytes from ${ip}: seq=0 ttl=6[23] time=0\\.\\d{3} ms\\n64 bytes from ${ip}: seq=1 ttl=6[23] time=0\\.\\d{3} ms\\n\\n--- ${ip} ping statistics ---\\n2 packets transmitted, 2 packets received, 0% packet loss\\nround-trip min/avg/max = 0\\.\\d{3}/0\\.\\d{3}/0\\.\\d{3} ms\\n$`,
      ),
    );
    const bad = sb.runLine('kubectl exec a -- ping -c 1 nosuch', 30_000);
    expect([bad.output, bad.exitCode]).toEqual(["ping: bad address 'nosuch'\ncommand terminated with exit code 1\n", 1]);
    // The kubernetes Service's virtual IP: kube-proxy forwards its port, nothing answers ICMP.
    const start = sb.now();
    const lost = sb.runLine('kubectl exec a -- ping -c 1 10.96.0.1', 30_000);
    expect(lost.output).toBe('PING 10.96.0.1 (10.96.0.1): 56 data bytes\n\n--- 10.96.0.1 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\ncommand terminated with exit code 1\n');
    expect(sb.now() - start).toBeGreaterThanOrEqual(10_000);
  });
});
