// Throwaway: where the first stage's injection task spends its time (cold loads of one page).
import { launchChromium, startFootprintServer, BADGE_WATCH } from '../scripts/bench-footprint';
import { FOOTPRINT_CATEGORIES, pageThread, type TraceEvent } from '../scripts/footprint-trace';
const dir = process.argv[2]!; const pageFile = process.argv[3] ?? 'weather.html'; const N = Number(process.argv[4] ?? 5);
const { server, port } = await startFootprintServer();
const b = await launchChromium({ name: 'x', dir }, port);
await new Promise((r) => setTimeout(r, 2000));
const agg = new Map<string, number[]>();
for (let i = 0; i < N + 1; i++) {
  const page = await b.newPage();
  const url = `http://p${i}-x.test:${port}/${pageFile}`;
  await page.tracing.start({ categories: [...FOOTPRINT_CATEGORIES, 'disabled-by-default-v8.compile', 'v8.execute', 'disabled-by-default-v8.gc', 'renderer.scheduler'] });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  const raw = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(raw!).toString('utf8')).traceEvents ?? []) as TraceEvent[];
  const th = pageThread(events, url)!;
  const mine = events.filter((e) => e.pid === th.pid && e.tid === th.tid && e.ph === 'X');
  const urlOf = (e: TraceEvent) => { const a = e.args as any; return String(a?.data?.url ?? a?.fileName ?? a?.data?.scriptName ?? ''); };
  const inj = mine.filter((e) => e.name === 'ScriptInjection::InjectJs' || e.name === 'EvaluateScript' && urlOf(e).startsWith('chrome-extension') || e.name === 'v8.compile' && urlOf(e).startsWith('chrome-extension') || (e.name === 'FunctionCall' && urlOf(e).startsWith('chrome-extension')) || (e.name === 'Receive mojo reply' || e.name === 'Receive mojo message') && String((e.args as any)?.chrome_mojo_event_info?.mojo_interface_tag ?? '').startsWith('extensions'));
  if (i === 0) { await page.close(); continue; }
  const local = new Map<string, number>();
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const injTasks = new Set(inj.map((j) => tasks.find((t) => t.ts <= j.ts && j.ts <= t.ts + (t.dur ?? 0))!).filter(Boolean));
  for (const t of injTasks) {
    const end = t.ts + (t.dur ?? 0);
    for (const e of mine) {
      if (e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end) {
        let n = e.name;
        const a = e.args as any;
        if (n === 'FunctionCall' || n.startsWith('V8.Compile') || n === 'v8.compile') n += ' ' + (a?.data?.functionName ?? a?.data?.url?.slice(-25) ?? a?.fileName?.slice(-25) ?? '');
        local.set(n, (local.get(n) ?? 0) + (e.dur ?? 0) / 1000);
      }
    }
  }
  for (const [k, v] of local) agg.set(k, [...(agg.get(k) ?? []), v]);
  await page.close();
}
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const rows = [...agg].map(([k, v]) => [k, med(v), v.length] as const).sort((a, b) => b[1] - a[1]);
for (const [k, m, n] of rows.slice(0, 60)) console.log(m.toFixed(3).padStart(8), String(n).padStart(3), k);
await b.close(); server.close();
