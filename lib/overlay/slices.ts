/**
 * Runs step-wise work (a generator that yields after each bounded step) in time slices: steps run
 * back to back until `budgetMs` is used, then the runner gives the main thread back to the page
 * (`yieldToMain`) and continues in a new task. With steps of a few milliseconds no task of the
 * extension gets near the 50 ms long-task mark, whatever the page size.
 */

/** Longest slice of the overlay's own work between yields (ms). */
export const SLICE_MS = 8;

/**
 * Longest stretch of the background's matching (both tiers) between two yields to its event loop
 * (ms): other tabs' requests and the extension's pages get it between slices.
 */
export const BACKGROUND_SLICE_MS = 8;

/** Ends the current task: the rest runs in a new one, after whatever the page queued meanwhile. */
export const yieldToMain = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export interface SliceOptions {
  budgetMs: number;
  yieldToMain: () => Promise<void>;
  now?: () => number;
  /** Called with each slice's start and end (for User Timing). */
  onSlice?: (start: number, end: number) => void;
  /** Stop early (e.g. the page navigated); the runner then returns undefined. */
  cancelled?: () => boolean;
}

/**
 * A step may also yield a promise (a reply from the extension's background): the slice ends, the
 * runner waits for it (the page's main thread is free meanwhile), and the next step starts a new
 * slice. The generator reads the reply from its own closure, set when the promise settled.
 */
export async function runInSlices<T>(steps: Iterator<unknown, T, undefined>, opts: SliceOptions): Promise<T | undefined> {
  const now = opts.now ?? (() => performance.now());
  for (;;) {
    const start = now();
    let waitFor: PromiseLike<unknown> | null = null;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        opts.onSlice?.(start, now());
        return r.value;
      }
      if (isPromiseLike(r.value)) {
        waitFor = r.value;
        break;
      }
      if (now() - start >= opts.budgetMs) break;
    }
    opts.onSlice?.(start, now());
    try {
      await (waitFor ?? opts.yieldToMain());
    } catch (e) {
      steps.return?.(undefined as never);
      throw e;
    }
    if (opts.cancelled?.()) {
      steps.return?.(undefined as never);
      return undefined;
    }
  }
}

/** A step's yielded value that `runInSlices` waits for. */
export function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}
