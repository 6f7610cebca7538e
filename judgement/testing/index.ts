// Fixtures of the report's tests: one run of a foreign target and its provenance, as the suites record them.
import type { RunRecord } from '../evidence';

export const FOREIGN_RUN: RunRecord = {
  seed: 7,
  runs: 5,
  target: { url: 'http://127.0.0.1:9', kind: 'foreign', description: 'http://127.0.0.1:9' },
  keyIds: {
    mchid: '1230000109',
    merchantSerialNo: 'ABCDEF0123456789',
    platformSerial: 'PUB_KEY_ID_01234567890123456789012345678901',
  },
};

export const RUN_PROVENANCE = {
  startedAt: '2026-12-01T09:00:00.000Z',
  finishedAt: '2026-12-01T09:00:10.000Z',
  commandLine: ['payscore-conformance', 'run', '--seed', '7'],
};
