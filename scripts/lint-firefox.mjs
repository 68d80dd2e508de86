// Runs Mozilla's add-on linter on the Firefox build and fails on any error.
// Warnings are printed (today: Preact's innerHTML code path, which Counterpoint never uses with page text).
import { execFileSync } from 'node:child_process';

const dir = process.argv[2] ?? '.output/firefox-mv3';
let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--self-hosted=false', '--output=json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (err) {
  out = err.stdout; // web-ext exits non-zero on errors but still prints the JSON report
}
const report = JSON.parse(out);
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
