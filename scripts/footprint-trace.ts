/**
 * What a Chromium trace says an extension cost one page's main thread (scripts/bench-footprint.ts).
 * Exact trace events only, no sampling profiler: the profiler slows JavaScript and compilation,
 * and did so more for a larger script (measured: the first stage's injection 8.2 ms without it,
 * 11–12 ms with it, the empty extension's 2.4 and 3.1 ms), which skewed every ratio.
 *
 * Counted, on the renderer main thread of the page (the thread that parsed it):
 *  - injection tasks: every top-level task in which the browser injected an extension script
 *    (`ScriptInjection::InjectJs`, or an `EvaluateScript` / `v8.compile` of a `chrome-extension://`
 *    URL): the whole task, so creating the extension's isolated world, compiling and evaluating
 *    the script are all in. That is everything the empty extension costs, and it covers the first
 *    stage's evaluation and a second stage injected with `scripting.executeScript`.
 *  - extension messages: tasks that deliver a reply or an event from the extension system
 *    (`Receive mojo reply` / `Receive mojo message` of an `extensions.mojom` interface: storage
 *    reads, replies from the background, `runtime.onMessage`), the whole task, with the promise
 *    continuations that run in it.
 *  - extension callbacks elsewhere: `FunctionCall` events (timers, observers, event listeners)
 *    whose function is in a `chrome-extension://` script, each for its own duration (the page's
 *    own work in the same task is the page's).
 * The longest extension task is the longest task of the first two kinds, or the longest task of
 * the third whose time is mostly the extension's callbacks (else the callbacks' time in it). Work
 * the extension causes later in the page's own rendering (style, layout and paint after it painted
 * highlights or mounted its badge) is not in these figures.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface ExtensionCost {
  /** Injection tasks + extension message tasks + extension callbacks (ms). */
  totalMs: number;
  injectionMs: number;
  /** Extension message tasks and callbacks (ms). */
  callbackMs: number;
  /** Longest task that is mostly the extension's (ms). */
  longestTaskMs: number;
  /** `v8.compile` of extension scripts (ms; inside the injection tasks). */
  compileMs: number;
  injections: number;
  /** The extension's time before the load event began (ms): what it could have delayed it by. */
  beforeLoadMs: number;
}

/** Trace categories these figures need (FunctionCall events appear only with the `.stack`/`.frame` ones). */
export const FOOTPRINT_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.stack',
  'toplevel',
  'v8',
  'blink',
  'extensions',
  'mojom',
];

const EXT = 'chrome-extension://';
const TASK = 'ThreadControllerImpl::RunTask';

function urlOf(e: TraceEvent): string {
  const a = e.args as { data?: { url?: string }; fileName?: string } | undefined;
  return a?.data?.url ?? a?.fileName ?? '';
}

function isExtensionMessage(e: TraceEvent): boolean {
  if (e.name !== 'Receive mojo reply' && e.name !== 'Receive mojo message') return false;
  const tag = (e.args as { chrome_mojo_event_info?: { mojo_interface_tag?: string } } | undefined)?.chrome_mojo_event_info?.mojo_interface_tag;
  return typeof tag === 'string' && tag.startsWith('extensions.mojom');
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

export function extensionCost(events: readonly TraceEvent[], pageUrl: string): ExtensionCost | null {
  const thread = pageThread(events, pageUrl);
  if (!thread) return null;
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'R'));
  const tasks = mine.filter((e) => e.name === TASK && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  // Top-level tasks only (a nested run loop can nest RunTask).
  const top: TraceEvent[] = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(t);
  }
  const end = (e: TraceEvent): number => e.ts + (e.dur ?? 0);
  /** The top-level task holding `ts` (binary search), or null. */
  const taskAt = (ts: number): TraceEvent | null => {
    let lo = 0;
    let hi = top.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = top[mid]!;
      if (ts < t.ts) hi = mid - 1;
      else if (ts > end(t)) lo = mid + 1;
      else return t;
    }
    return null;
  };
  const injectionTasks = new Set<TraceEvent>();
  const messageTasks = new Set<TraceEvent>();
  const callbackUs = new Map<TraceEvent, number>();
  let compileUs = 0;
  // Extension FunctionCalls, outermost only (a callback calling back into the extension is one).
  const calls = mine.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && urlOf(e).startsWith(EXT)).sort((a, b) => a.ts - b.ts);
  let lastCallEnd = -1;
  for (const e of mine) {
    if (e.ph !== 'X') continue;
    if (e.name === 'ScriptInjection::InjectJs' || ((e.name === 'EvaluateScript' || e.name === 'v8.compile') && urlOf(e).startsWith(EXT))) {
      const t = taskAt(e.ts);
      if (t) injectionTasks.add(t);
      if (e.name === 'v8.compile') compileUs += e.dur ?? 0;
    } else if (isExtensionMessage(e)) {
      const t = taskAt(e.ts);
      if (t) messageTasks.add(t);
    }
  }
  for (const c of calls) {
    if (c.ts < lastCallEnd) continue;
    lastCallEnd = end(c);
    const t = taskAt(c.ts);
    if (!t || injectionTasks.has(t) || messageTasks.has(t)) continue;
    callbackUs.set(t, (callbackUs.get(t) ?? 0) + (c.dur ?? 0));
  }
  const whole = new Set([...injectionTasks, ...messageTasks]);
  const loadAt = mine.find((e) => e.name === 'MarkLoad')?.ts ?? Infinity;
  let injectionSum = 0;
  let messageSum = 0;
  let callbackSum = 0;
  let longest = 0;
  let beforeLoad = 0;
  for (const t of whole) {
    const d = t.dur ?? 0;
    if (injectionTasks.has(t)) injectionSum += d;
    else messageSum += d;
    longest = Math.max(longest, d);
    if (t.ts < loadAt) beforeLoad += Math.min(d, loadAt - t.ts);
  }
  for (const [t, us] of callbackUs) {
    callbackSum += us;
    longest = Math.max(longest, us * 2 >= (t.dur ?? 0) ? (t.dur ?? 0) : us);
    if (t.ts < loadAt) beforeLoad += us;
  }
  return {
    totalMs: (injectionSum + messageSum + callbackSum) / 1000,
    injectionMs: injectionSum / 1000,
    callbackMs: (messageSum + callbackSum) / 1000,
    longestTaskMs: longest / 1000,
    compileMs: compileUs / 1000,
    injections: injectionTasks.size,
    beforeLoadMs: beforeLoad / 1000,
  };
}
