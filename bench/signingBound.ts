import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** One core's synchronous RSA-2048 signs per second (bench/mock.bench.ts's header says why this is the bound). */
export function signingBound(privateKeyPem: string): number {
  const key = createPrivateKey(privateKeyPem);
  const message = randomBytes(900);
  for (let i = 0; i < 200; i++) sign('sha256', message, key);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    sign('sha256', message, key);
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}
