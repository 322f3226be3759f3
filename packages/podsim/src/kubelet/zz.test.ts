import { it } from 'vitest';
import { createSandbox } from '../host/sandbox.js';
it('course', async () => {
  const sb = createSandbox();
  const run = async (l: string) => { const r = await sb.run(l); console.log('$ ' + l + '\n' + (r as any).output); };
  await run('kubectl run busybox --image=busybox');
  for (const s of [2, 5, 15, 30]) { sb.advance(s * 1000); await run('kubectl get pods'); }
  await run('kubectl logs busybox --previous');
  await run('kubectl exec busybox -- ls');
  await run('kubectl run web --image=nginxx');
  sb.advance(3000);
  await run('kubectl get pods web');
  sb.advance(10000);
  await run('kubectl get pods web');
  await run('kubectl logs web');
}, 60000);
