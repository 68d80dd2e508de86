import { describe, expect, it } from 'vitest';
import { extensionCost, type TraceEvent } from '../../scripts/footprint-trace';

const URL = 'http://p.test/page.html';
const EXT = 'chrome-extension://abc/content-script.js';
const P = 10;
const T = 11;
let ts = 1_000_000;
/** A top-level task of `dur` µs on the page's main thread, with events inside it (offsets from its start). */
type Inner = Omit<TraceEvent, 'pid' | 'tid' | 'ts' | 'ph'> & { at?: number; ph?: string };
function task(dur: number, inner: Inner[] = []): TraceEvent[] {
  const start = (ts += 1000);
  ts += dur;
  return [
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: start, dur, pid: P, tid: T },
    ...inner.map(({ at = 0, ph = 'X', ...e }) => ({ ph, ...e, ts: start + at, pid: P, tid: T }) as TraceEvent),
  ];
}

describe('the footprint bench’s reading of a trace', () => {
  it('counts injection tasks whole, extension message tasks whole, extension callbacks alone; nothing of other threads', () => {
    const events: TraceEvent[] = [
      { name: 'ParseHTML', ph: 'X', ts: 1, dur: 5, pid: P, tid: T, args: { beginData: { url: URL } } },
      ...task(2000, [{ name: 'ScriptInjection::InjectJs', dur: 1900 }]), // creating the world
      ...task(3000, [
        { name: 'EvaluateScript', dur: 2900, args: { data: { url: EXT } } },
        { name: 'v8.compile', dur: 700, at: 10, args: { data: { url: EXT } } },
      ]),
      ...task(400, [{ name: 'Receive mojo reply', dur: 390, args: { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.LocalFrameHost' } } }]),
      // A page task that runs a short extension observer callback: the callback counts, not the task.
      ...task(10_000, [{ name: 'FunctionCall', at: 100, dur: 300, args: { data: { url: EXT } } }, { name: 'FunctionCall', at: 500, dur: 9000, args: { data: { url: 'http://p.test/app.js' } } }]),
      { name: 'MarkLoad', ph: 'I', ts: ts + 10, pid: P, tid: T },
      // After load: a timer of the extension's that is its whole task.
      ...task(6000, [{ name: 'FunctionCall', at: 10, dur: 5900, args: { data: { url: EXT } } }]),
      // Another thread (a worker) and another process: ignored.
      { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: ts + 1, dur: 99_000, pid: P, tid: T + 1 },
      { name: 'EvaluateScript', ph: 'X', ts: ts + 2, dur: 90_000, pid: P, tid: T + 1, args: { data: { url: EXT } } },
      { name: 'EvaluateScript', ph: 'X', ts: ts + 2, dur: 90_000, pid: P + 1, tid: T, args: { data: { url: EXT } } },
    ];
    const cost = extensionCost(events, URL)!;
    expect(cost.injections).toBe(2);
    expect(cost.injectionMs).toBeCloseTo(5, 5);
    expect(cost.compileMs).toBeCloseTo(0.7, 5);
    expect(cost.callbackMs).toBeCloseTo(0.4 + 0.3 + 5.9, 5);
    expect(cost.totalMs).toBeCloseTo(5 + 0.4 + 0.3 + 5.9, 5);
    expect(cost.longestTaskMs).toBeCloseTo(6, 5); // the timer's task, not the page's 10 ms task
    expect(cost.beforeLoadMs).toBeCloseTo(5 + 0.4 + 0.3, 5);
  });

  it('no page thread (the page never parsed): no figures', () => {
    expect(extensionCost([], URL)).toBeNull();
  });
});
