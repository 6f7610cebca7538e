import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ENDPOINT_PATH, OPENAPI_PATH, requestExamples } from '.';

// A stock OpenAPI mock (Stoplight Prism) must be able to serve openapi.yaml: proof that the document
// is ordinary OpenAPI 3.1 that tools other than ours understand.
const PRISM = join(__dirname, '..', 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Prism did not start within 45 s')), 45_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (/listening/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`Prism exited with ${code}`)));
  });
}

describe('Prism serves openapi.yaml', () => {
  let prism: ChildProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    prism = spawn(process.execPath, [PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), OPENAPI_PATH], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForListening(prism);
  }, 60_000);

  afterAll(() => {
    prism.kill('SIGTERM');
  });

  const post = (body: unknown) =>
    fetch(`${base}${ENDPOINT_PATH}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="1"',
      },
      body: JSON.stringify(body),
    });

  it('answers a valid example with 200 and a documented body', async () => {
    const response = await post(requestExamples()['confirmMode']);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('order_id');
  });

  it('rejects a body that breaks the schema with a 4xx', async () => {
    const response = await post({ out_order_no: 'A'.repeat(33) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  // The signature scheme is declared as an apiKey in Authorization, a form Prism enforces.
  it('answers a request without Authorization with 401', async () => {
    const response = await fetch(`${base}${ENDPOINT_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(requestExamples()['confirmMode']),
    });
    expect(response.status).toBe(401);
  });
});
