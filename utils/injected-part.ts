import type { BackgroundRequest } from '../lib/messages/protocol';
import { sendRequest } from './messaging';
import { claimWorldSlot, worldSlot } from './stage-slots';

/**
 * The parts of the content script the background injects on request (the second stage: README
 * "What the content script costs a page"): each file, when evaluated, registers a start function in one property of the isolated world's global object (utils/stage-slots.ts); the
 * first stage asks for the file once and starts what registered.
 */

interface Registration<H, P> {
  start(host: H): P;
  /** Evaluations of the part's file in this world (more than one would be a double injection). */
  runs: number;
}

/**
 * A part's file makes itself known (called by its top level). Evaluated again in the same world, it
 * changes nothing but the count: the first registration, with the state already in use, stays.
 */
export function registerPart<H, P>(slot: string, start: (host: H) => P): void {
  const known = worldSlot<Registration<H, P>>(slot);
  if (known) {
    known.runs++;
    return;
  }
  claimWorldSlot(slot, { start, runs: 1 } satisfies Registration<H, P>);
}

/** How many times the part's file was evaluated in this world (for `overlay:stats`). */
export function partRuns(slot: string): number {
  return worldSlot<Registration<unknown, unknown>>(slot)?.runs ?? 0;
}

/** The first stage's handle on an injected part. */
export interface PartLoader<P> {
  /** The part, injected by the background on first use (null when that failed). */
  load(): Promise<P | null>;
  /** The part if it is loaded, else null (nothing is asked). */
  current(): P | null;
}

/**
 * The first stage's loader of one part: asks the background (`ask`, a request that takes no fields)
 * on first use, at most once per document (the result is kept; SPA navigations and re-runs reuse
 * it); a failed request is forgotten, so a later run may ask again.
 */
export function partLoader<H, P>(slot: string, ask: Extract<BackgroundRequest, { type: 'content:second-stage' }>, host: H, name: string): PartLoader<P> {
  let loaded: P | null = null;
  let loading: Promise<P | null> | null = null;
  return {
    current: () => loaded,
    load: () => {
      if (loaded) return Promise.resolve(loaded);
      loading ??= (async () => {
        if (!worldSlot<Registration<H, P>>(slot)) {
          const reply = await sendRequest(ask);
          if (!reply.ok) throw new Error(reply.error);
        }
        const registration = worldSlot<Registration<H, P>>(slot);
        if (!registration) throw new Error(`the ${name} did not register`);
        return (loaded = registration.start(host));
      })().catch((e: unknown) => {
        console.warn(`[Counterpoint] could not load the ${name} on this page`, e);
        loading = null;
        return null;
      });
      return loading;
    },
  };
}
