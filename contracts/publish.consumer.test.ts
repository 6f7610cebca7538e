import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSUMER, PROVIDER } from './contract';
import { publishPacts } from './publish';

// publishPacts speaks the broker's publish-contracts API: checked against a stand-in broker on
// 127.0.0.1 that records what it receives (no real broker is needed for the tests).

const read = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

test('POSTs the pact, base64, with version, branch and bearer token to /contracts/publish', async () => {
  const seen: Array<{ url: string | undefined; auth: string | undefined; body: Record<string, unknown> }> = [];
  const broker = createServer((req, res) => {
    void read(req).then((body) => {
      seen.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(200, { 'Content-Type': 'application/hal+json' }).end('{"notices":[]}');
    });
  }).listen(0, '127.0.0.1');
  await once(broker, 'listening');
  const file = join(mkdtempSync(join(tmpdir(), 'payscore-publish-')), 'pact.json');
  writeFileSync(file, '{"interactions":[]}');
  try {
    const url = `http://127.0.0.1:${(broker.address() as AddressInfo).port}/base`;
    const result = await publishPacts({ url, token: 't0k3n', version: 'abc123', branch: 'main' }, file);
    expect(result.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/base/contracts/publish');
    expect(seen[0]?.auth).toBe('Bearer t0k3n');
    expect(seen[0]?.body).toMatchObject({
      pacticipantName: CONSUMER,
      pacticipantVersionNumber: 'abc123',
      branch: 'main',
    });
    const contract = (seen[0]?.body['contracts'] as Array<Record<string, string>>)[0];
    expect(contract).toMatchObject({ consumerName: CONSUMER, providerName: PROVIDER, specification: 'pact' });
    expect(Buffer.from(contract?.['content'] ?? '', 'base64').toString('utf8')).toBe('{"interactions":[]}');
  } finally {
    broker.close();
  }
});
