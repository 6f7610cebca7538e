import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// action.yml must be a valid GitHub Action by the published schema (SchemaStore's github-action
// schema, as @action-validator/core embeds it) and offer the inputs and outputs docs/servers.md documents.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS wasm-bindgen module
const { validateAction } = require('@action-validator/core') as { validateAction(src: string): { errors: unknown[] } };

const ACTION = join(__dirname, '..', 'action.yml');
const source = readFileSync(ACTION, 'utf8');

describe('action.yml (composite GitHub Action)', () => {
  it('validates against the GitHub Action schema', () => {
    expect(validateAction(source).errors).toEqual([]);
  });

  it('the validator rejects a broken action (so the check above can fail)', () => {
    expect(validateAction(source.replace('using: composite', 'using: compost')).errors.length).toBeGreaterThan(0);
  });

  it('takes profile, seed, runs, shard and reports, and gives the verdict and the report paths', () => {
    const action = parse(source) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      runs: { using: string };
    };
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['profile', 'seed', 'runs', 'shard', 'reports']));
    expect(Object.keys(action.outputs)).toEqual(
      expect.arrayContaining(['verdict', 'reports', 'junit', 'html', 'json', 'manifest']),
    );
    expect(action.runs.using).toBe('composite');
  });

  it('its step passes the inputs as flags and writes the outputs, keeping the exit code', () => {
    const action = parse(source) as { runs: { steps: Array<{ run: string; env: Record<string, string> }> } };
    const step = action.runs.steps[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'payscore-action-'));
    try {
      // A stand-in for the installed tool: records its arguments and says "does not conform".
      mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
      writeFileSync(
        join(dir, 'node_modules', '.bin', 'payscore-conformance'),
        '#!/bin/sh\necho "$@" > args.txt\nexit 1\n',
      );
      chmodSync(join(dir, 'node_modules', '.bin', 'payscore-conformance'), 0o755);
      const env = {
        PATH: process.env['PATH'] ?? '',
        GITHUB_OUTPUT: join(dir, 'out.txt'),
        PSC_PROFILE: 'ci/my profile.json',
        PSC_SEED: '7',
        PSC_RUNS: '',
        PSC_SHARD: '2/3',
        PSC_REPORTS: '',
        PSC_VERSION: '',
      };
      const run = spawnSync('bash', ['-c', step.run], { cwd: dir, env, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(readFileSync(join(dir, 'args.txt'), 'utf8').trim()).toBe(
        'run --profile ci/my profile.json --seed 7 --shard 2/3 --reports reports/shard-2-of-3',
      );
      const out = readFileSync(join(dir, 'out.txt'), 'utf8');
      expect(out).toContain('verdict=does-not-conform\n');
      expect(out).toContain('html=reports/shard-2-of-3/conformance-report.html\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
