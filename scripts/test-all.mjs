// `npm test`: the unit stage, then the end-to-end stage, whatever the first did, then the summary
// (scripts/test-summary.mjs) as the last line. Exits non-zero when any stage or the summary failed.
// Old reports are removed first, so a stage that writes none cannot pass on an earlier run's.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const REPORTS = ['test-artifacts/unit.json', 'test-artifacts/e2e.json'];
for (const f of REPORTS) rmSync(f, { force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failedStages = ['test:unit', 'test:e2e'].filter((stage) => spawnSync(npm, ['run', stage], { stdio: 'inherit' }).status !== 0);
for (const stage of failedStages) console.error(`npm run ${stage} failed`);
const summary = spawnSync(process.execPath, ['scripts/test-summary.mjs', ...REPORTS], { stdio: 'inherit' }).status;
process.exit(failedStages.length > 0 || summary !== 0 ? 1 : 0);
