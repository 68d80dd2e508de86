/**
 * scripts/test-summary.mjs against crafted vitest JSON reports (the shape vitest 4 writes): a test
 * file that does not parse has status "failed" and no test results, and must fail the run by name.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface FileResult {
  name: string;
  status: 'passed' | 'failed';
  message: string;
  assertionResults: { status: 'passed' | 'failed' | 'skipped' }[];
}

function report(files: FileResult[], extra: Record<string, unknown> = {}): object {
  const tests = files.flatMap((f) => f.assertionResults);
  const count = (s: string): number => tests.filter((t) => t.status === s).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: 0,
    success: files.every((f) => f.status === 'passed'),
    testResults: files,
    ...extra,
  };
}

const ok = (name: string, n = 2): FileResult => ({ name, status: 'passed', message: '', assertionResults: Array.from({ length: n }, () => ({ status: 'passed' as const })) });

function summarise(...reports: (object | null)[]): { status: number | null; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'summary-'));
  const paths = reports.map((r, i) => {
    const p = join(dir, `report-${i}.json`);
    if (r) writeFileSync(p, JSON.stringify(r));
    return p;
  });
  const res = spawnSync(process.execPath, ['scripts/test-summary.mjs', ...paths], { encoding: 'utf8' });
  return { status: res.status, out: res.stdout.trim(), err: res.stderr.trim() };
}

describe('test-summary', () => {
  it('passes when every test file ran and passed, and says so in one line', () => {
    const r = summarise(report([ok('/w/tests/unit/a.test.ts'), ok('/w/tests/unit/b.test.ts', 1)]), report([ok('/w/tests/e2e/c.e2e.ts')]));
    expect(r.status).toBe(0);
    expect(r.out).toBe('5 passed, 0 failed, 0 skipped · test files: 3 passed, 0 failed');
    expect(r.err).toBe('');
  });

  it('fails on a test file that did not parse, naming it, although no test failed', () => {
    const broken: FileResult = {
      name: join(process.cwd(), 'tests/unit/broken.test.ts'),
      status: 'failed',
      message: 'Transform failed with 1 error:\n/w/tests/unit/broken.test.ts:2:26: ERROR: Unexpected ";"',
      assertionResults: [],
    };
    const r = summarise(report([ok('/w/tests/unit/a.test.ts'), broken]), report([ok('/w/tests/e2e/c.e2e.ts')]));
    expect(r.status).toBe(1);
    expect(r.err).toContain('test file did not run');
    expect(r.err).toContain('tests/unit/broken.test.ts: Transform failed with 1 error: /w/tests/unit/broken.test.ts:2:26: ERROR: Unexpected ";"');
    expect(r.out).toBe('4 passed, 0 failed, 0 skipped · test files: 2 passed, 1 failed');
  });

  it('fails on a failing test (named by vitest above), a missing report, or a failure outside the tests', () => {
    const failing: FileResult = { name: '/w/tests/unit/f.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'failed' }, { status: 'passed' }] };
    const withFailure = summarise(report([failing]), report([ok('/w/e.e2e.ts')]));
    expect(withFailure.status).toBe(1);
    expect(withFailure.err).not.toContain('did not run');
    expect(withFailure.out).toBe('3 passed, 1 failed, 0 skipped · test files: 1 passed, 1 failed');

    const missing = summarise(report([ok('/w/a.test.ts')]), null);
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/^missing test report: .*report-1\.json$/);

    const unhandled = summarise(report([ok('/w/a.test.ts')], { success: false }));
    expect(unhandled.status).toBe(1);
    expect(unhandled.err).toContain('failure outside the test files');
  });

  it('counts skipped tests without failing on them', () => {
    const skipping: FileResult = { name: '/w/tests/e2e/s.e2e.ts', status: 'passed', message: '', assertionResults: [{ status: 'skipped' }] };
    const r = summarise(report([ok('/w/a.test.ts'), skipping]));
    expect(r.status).toBe(0);
    expect(r.out).toBe('2 passed, 0 failed, 1 skipped · test files: 2 passed, 0 failed');
  });
});
