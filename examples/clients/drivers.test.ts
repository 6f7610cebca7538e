import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDirCaller, mockRequest } from '../../mock/testing';
import { DRIVERS, drive, removeSandboxDirs, runDriver, startSandbox, type DriverRun, type Sandbox } from './driverKit';

// The driver contract of `audit-client` (a public interface), held by each example driver around a
// real client: one JSON line on stdout, exit 0, `created` with the order the mock really holds,
// `failed` with the code the client surfaced. Each driver runs as a child process, as the audit runs it.

let publicKeyMode: Sandbox;
let certificateMode: Sandbox;
beforeAll(async () => {
  [publicKeyMode, certificateMode] = await Promise.all([startSandbox(), startSandbox({ keyMode: 'certificate' })]);
});
afterAll(async () => {
  await Promise.all([publicKeyMode.stop(), certificateMode.stop()]);
  removeSandboxDirs();
});

const ORDER_ID = /^\d{1,32}$/;

function oneLine(run: DriverRun): void {
  expect({ lines: run.lines.length, exitCode: run.exitCode }).toEqual({ lines: 1, exitCode: 0 });
}

/** The order the mock holds under this body's out_order_no: a replay of the same body answers it. */
async function heldOrderId(sandbox: Sandbox, body: Record<string, unknown>): Promise<unknown> {
  const caller = dataDirCaller(dirname(sandbox.profilePath), sandbox.url);
  const replay = await mockRequest(caller, body);
  expect(replay.status).toBe(200);
  return replay.json['order_id'];
}

describe.each(DRIVERS)('the %s driver keeps the audit-client contract', (driver) => {
  test('a valid no-confirm order: created, DOING, the order_id the mock holds', async () => {
    const body = publicKeyMode.order(false);
    const run = await drive(driver, publicKeyMode, body);
    oneLine(run);
    expect(run.outcome).toEqual({
      outcome: 'created',
      order_id: expect.stringMatching(ORDER_ID),
      state: 'DOING',
      package: null,
    });
    expect(run.outcome.outcome === 'created' && run.outcome.order_id).toBe(await heldOrderId(publicKeyMode, body));
  });

  test('a valid confirm-mode order: created, CREATED, with the package for the front end', async () => {
    const run = await drive(driver, publicKeyMode, publicKeyMode.order(true));
    oneLine(run);
    expect(run.outcome).toEqual({
      outcome: 'created',
      order_id: expect.stringMatching(ORDER_ID),
      state: 'CREATED',
      package: expect.stringMatching(/^\S+$/),
    });
  });

  test('a body the mock refuses (service_introduction missing): failed with the surfaced PARAM_ERROR', async () => {
    const { service_introduction: _dropped, ...body } = publicKeyMode.order(false);
    const run = await drive(driver, publicKeyMode, body);
    oneLine(run);
    expect(run.outcome).toEqual({ outcome: 'failed', code: 'PARAM_ERROR' });
  });

  test('certificate key mode, the serial left for the client to read from the certificate: created', async () => {
    const profile = JSON.parse(readFileSync(certificateMode.profilePath, 'utf8')) as { platform: { serial?: string } };
    delete profile.platform.serial;
    const profilePath = join(certificateMode.dataDir, 'profile-without-serial.json');
    writeFileSync(profilePath, JSON.stringify(profile));
    const orderPath = certificateMode.orderFile(certificateMode.order(false));
    const run = await runDriver(driver, { profilePath, baseUrl: certificateMode.url, orderPath });
    oneLine(run);
    expect(run.outcome).toMatchObject({ outcome: 'created', state: 'DOING' });
  });
});
