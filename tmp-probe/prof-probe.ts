import { launchChromium, startFootprintServer } from '../scripts/bench-footprint';
const dir = process.argv[2]!; const pageFile = process.argv[3] ?? 'weather.html'; const N = Number(process.argv[4] ?? 5);
const { server, port } = await startFootprintServer();
const b = await launchChromium({ name: 'x', dir }, port);
await new Promise((r) => setTimeout(r, 2000));
const self = new Map<string, number>(); const total = new Map<string, number>();
for (let i = 0; i < N + 1; i++) {
  const page = await b.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
  await cdp.send('Profiler.start');
  await page.goto(`http://q${i}-x.test:${port}/${pageFile}`, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  if (i === 0) { await page.close(); continue; }
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas as number[];
  profile.samples.forEach((id: number, k: number) => {
    const us = dt[k + 1] ?? 0;
    const n = byId.get(id); const cf = n.callFrame;
    // is it under an extension frame?
    let x: number | undefined = id; let ext = false; const seen = new Set<string>();
    while (x !== undefined) { const f = byId.get(x).callFrame; if (String(f.url).startsWith('chrome-extension')) { ext = true; const key = `${f.functionName || '(anon)'}:${f.lineNumber}:${f.columnNumber}`; if (!seen.has(key)) { seen.add(key); total.set(key, (total.get(key) ?? 0) + us); } } x = parent.get(x); }
    if (!ext) return;
    const key = String(cf.url).startsWith('chrome-extension') ? `${cf.functionName || '(anon)'}:${cf.lineNumber}:${cf.columnNumber}` : `[native] ${cf.functionName || cf.url || '?'}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  await page.close();
}
const show = (m: Map<string, number>, t: string) => { console.log('== ' + t); [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000 / N).toFixed(3).padStart(8), k)); };
show(self, 'self ms/load'); show(total, 'total ms/load');
await b.close(); server.close();
