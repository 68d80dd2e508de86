/**
 * What a Chromium trace says an extension cost one page's main thread (scripts/bench-footprint.ts).
 *
 * Counted, on the renderer main thread of the page (the thread that parsed it):
 *  - injection tasks: every top-level task in which the browser injected an extension script
 *    (`ScriptInjection::InjectJs`, or an `EvaluateScript` / `v8.compile` of a `chrome-extension://`
 *    URL): the whole task, so creating the extension's isolated world, compiling and evaluating
 *    the script are all in. This is everything the empty extension costs, and it covers the first
 *    stage's evaluation and a second stage injected with `scripting.executeScript`.
 *  - callbacks: outside those tasks, JavaScript of the extension found by the V8 sampling profiler
 *    (the trace's `ProfileChunk`s; a sample counts when any frame of its stack is in a
 *    `chrome-extension://` script), each sample weighted by the time to the next one. Replies to
 *    extension messages, storage reads, timers, observers and slices of the overlay's work land
 *    here. Native work a callback causes inside its own task (a forced layout, `textContent` of the
 *    article) is under a sample whose stack holds the callback, so it counts too.
 * The longest extension task is the longest injection task, or the longest task whose sampled
 * time is mostly the extension's (a page task that merely ran one short extension callback is the
 * page's). Work the extension causes later in the page's own rendering (style, layout and paint
 * after it painted highlights or mounted its badge) is not in these figures.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface ExtensionCost {
  /** Injection tasks + extension callbacks (ms). */
  totalMs: number;
  injectionMs: number;
  callbackMs: number;
  /** Longest task that is mostly the extension's (ms). */
  longestTaskMs: number;
  /** `v8.compile` of extension scripts (ms; inside the injection tasks). */
  compileMs: number;
  injections: number;
  /** Sampling interval the profiler ran at (median, ms): the callbacks' resolution. */
  sampleMs: number;
}

const EXT = 'chrome-extension://';
const TASK = 'ThreadControllerImpl::RunTask';

function urlOf(e: TraceEvent): string {
  const a = e.args as { data?: { url?: string }; fileName?: string } | undefined;
  return a?.data?.url ?? a?.fileName ?? '';
}

/** The renderer main thread that parsed `pageUrl` (pid and tid), or null. */
export function pageThread(events: readonly TraceEvent[], pageUrl: string): { pid: number; tid: number } | null {
  for (const e of events) {
    if (e.name !== 'ParseHTML') continue;
    const url = (e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url;
    if (url === pageUrl) return { pid: e.pid, tid: e.tid };
  }
  return null;
}

interface Sample {
  ts: number;
  weight: number;
  ext: boolean;
}

/** The profiler's samples on a thread, each marked as the extension's or not. */
export function samplesOf(events: readonly TraceEvent[], pid: number, tid: number): Sample[] {
  const profiles = new Map<string, { start: number; nodes: Map<number, { parent?: number; url: string }>; ids: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const key = e.id ?? '';
    const data = (e.args as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    if (e.name === 'Profile') {
      if (e.tid !== tid) continue;
      profiles.set(key, { start: Number(data.startTime ?? e.ts), nodes: new Map(), ids: [], deltas: [] });
      continue;
    }
    const p = profiles.get(key);
    if (!p) continue;
    const cpu = data.cpuProfile as { nodes?: { id: number; parent?: number; callFrame: { url?: string } }[]; samples?: number[] } | undefined;
    for (const n of cpu?.nodes ?? []) p.nodes.set(n.id, { parent: n.parent, url: n.callFrame.url ?? '' });
    p.ids.push(...(cpu?.samples ?? []));
    p.deltas.push(...((data.timeDeltas as number[] | undefined) ?? []));
  }
  const out: Sample[] = [];
  for (const p of profiles.values()) {
    const extNode = new Map<number, boolean>();
    const isExt = (id: number): boolean => {
      const known = extNode.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v = !!n && (n.url.startsWith(EXT) || (n.parent !== undefined && isExt(n.parent)));
      extNode.set(id, v);
      return v;
    };
    let ts = p.start;
    const stamps: number[] = [];
    for (let i = 0; i < p.ids.length; i++) {
      ts += p.deltas[i] ?? 0;
      stamps.push(ts);
    }
    for (let i = 0; i < p.ids.length; i++) {
      const next = stamps[i + 1];
      const weight = next !== undefined ? Math.max(0, next - stamps[i]!) : (p.deltas[i] ?? 0);
      out.push({ ts: stamps[i]!, weight, ext: isExt(p.ids[i]!) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function extensionCost(events: readonly TraceEvent[], pageUrl: string): ExtensionCost | null {
  const thread = pageThread(events, pageUrl);
  if (!thread) return null;
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === TASK).sort((a, b) => a.ts - b.ts);
  // Top-level tasks only (a nested run loop can nest RunTask).
  const top: TraceEvent[] = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(t);
  }
  const within = (t: TraceEvent, ts: number): boolean => ts >= t.ts && ts <= t.ts + (t.dur ?? 0);
  const injectionMarks = mine.filter(
    (e) => e.name === 'ScriptInjection::InjectJs' || ((e.name === 'EvaluateScript' || e.name === 'v8.compile') && urlOf(e).startsWith(EXT)),
  );
  const compileMs = mine.filter((e) => e.name === 'v8.compile' && urlOf(e).startsWith(EXT)).reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  const injectionTasks = new Set<TraceEvent>();
  let ti = 0;
  for (const m of [...injectionMarks].sort((a, b) => a.ts - b.ts)) {
    while (ti < top.length && top[ti]!.ts + (top[ti]!.dur ?? 0) < m.ts) ti++;
    const t = top[ti];
    if (t && within(t, m.ts)) injectionTasks.add(t);
  }
  const samples = samplesOf(events, thread.pid, thread.tid);
  // Samples per top-level task: extension weight and all weight.
  const perTask = new Map<TraceEvent, { ext: number; all: number }>();
  let callbackUs = 0;
  let k = 0;
  for (const s of samples) {
    while (k < top.length && top[k]!.ts + (top[k]!.dur ?? 0) < s.ts) k++;
    const t = top[k] && within(top[k]!, s.ts) ? top[k]! : null;
    if (t) {
      const acc = perTask.get(t) ?? { ext: 0, all: 0 };
      acc.all += s.weight;
      if (s.ext) acc.ext += s.weight;
      perTask.set(t, acc);
    }
    if (s.ext && !(t && injectionTasks.has(t))) callbackUs += s.weight;
  }
  let longest = 0;
  for (const t of injectionTasks) longest = Math.max(longest, t.dur ?? 0);
  for (const [t, acc] of perTask) {
    if (injectionTasks.has(t) || acc.ext === 0) continue;
    if (acc.ext * 2 >= acc.all) longest = Math.max(longest, t.dur ?? 0);
  }
  const injectionUs = [...injectionTasks].reduce((n, t) => n + (t.dur ?? 0), 0);
  const gaps: number[] = [];
  for (let i = 1; i < Math.min(samples.length, 2000); i++) gaps.push(samples[i]!.ts - samples[i - 1]!.ts);
  return {
    totalMs: (injectionUs + callbackUs) / 1000,
    injectionMs: injectionUs / 1000,
    callbackMs: callbackUs / 1000,
    longestTaskMs: longest / 1000,
    compileMs,
    injections: injectionTasks.size,
    sampleMs: median(gaps) / 1000,
  };
}
