// Prints one plain closing line, "N passed, N failed", from the vitest JSON reports that `npm test`
// writes under test-artifacts/. Exits non-zero when a report is missing or any test failed.
import { readFileSync, existsSync } from 'node:fs';

const reports = ['test-artifacts/unit.json', 'test-artifacts/e2e.json'];
let passed = 0, failed = 0, skipped = 0, missing = [];
for (const file of reports) {
  if (!existsSync(file)) { missing.push(file); continue; }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
for (const m of missing) console.error(`missing test report: ${m}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
