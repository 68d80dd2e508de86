// The closing lines of `npm test`, from the vitest JSON reports it wrote (test-artifacts/unit.json
// and e2e.json, or the reports named as arguments):
//  - a line for every test file that failed without a failing test: it did not parse, threw while
//    loading, or held no test, so its tests were dropped rather than run (vitest's "Test Files" count);
//  - a line when vitest reported a failure outside any test file (an unhandled error);
//  - one plain line, "N passed, N failed, N skipped · test files: N passed, N failed".
// Exits non-zero when a report is missing or unreadable, a test or a test file failed, vitest
// reported a failure, or nothing passed.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const reports = process.argv.length > 2 ? process.argv.slice(2) : ['test-artifacts/unit.json', 'test-artifacts/e2e.json'];
const n = { passed: 0, failed: 0, skipped: 0, filesPassed: 0, filesFailed: 0 };
const problems = [];
for (const file of reports) {
  if (!existsSync(file)) {
    problems.push(`missing test report: ${file}`);
    continue;
  }
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`unreadable test report: ${file}: ${e.message}`);
    continue;
  }
  n.passed += r.numPassedTests ?? 0;
  n.failed += r.numFailedTests ?? 0;
  n.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  let reportFilesFailed = 0;
  for (const t of r.testResults ?? []) {
    if (t.status !== 'failed') {
      n.filesPassed++;
      continue;
    }
    reportFilesFailed++;
    if ((t.assertionResults ?? []).some((a) => a.status === 'failed')) continue; // named by its failing tests
    // The reason's first line, and the next when the first only introduces it ("Transform failed with 1 error:").
    const [first = '', next = ''] = String(t.message || 'no reason given').split('\n').filter((l) => l.trim());
    const why = first.trimEnd().endsWith(':') && next ? `${first.trim()} ${next.trim()}` : first;
    problems.push(`test file did not run (${file}): ${relative(process.cwd(), t.name)}: ${why}`);
  }
  n.filesFailed += reportFilesFailed;
  if (r.success === false && reportFilesFailed === 0 && !r.numFailedTests) {
    problems.push(`vitest reported a failure outside the test files (${file}): see its output above`);
  }
}
for (const p of problems) console.error(p);
console.log(`${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped · test files: ${n.filesPassed} passed, ${n.filesFailed} failed`);
process.exit(n.failed > 0 || n.filesFailed > 0 || problems.length > 0 || n.passed === 0 ? 1 : 0);
