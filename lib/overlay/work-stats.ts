/**
 * The overlay's own main-thread work on a page: every synchronous slice it runs (annotating,
 * preparing cards, rendering), kept in the content script's memory. Nothing is written where the
 * page could read it (User Timing entries, DOM): the extension's pages ask for it (`overlay:stats`),
 * which is how the e2e tests and the bench report the longest task the extension causes.
 */

import type { OverlayStats } from '../messages/protocol';

export class WorkStats {
  private slices = 0;
  private longest = 0;
  private readonly byPhase: Record<string, number> = {};

  /** One synchronous piece of work: `phase`, from `start` until `end` (performance.now() ms). */
  record(phase: string, start: number, end: number = performance.now()): void {
    const ms = Math.round((end - start) * 10) / 10;
    this.slices++;
    this.longest = Math.max(this.longest, ms);
    this.byPhase[phase] = Math.max(this.byPhase[phase] ?? 0, ms);
  }

  snapshot(): Omit<OverlayStats, 'claimsFinds' | 'secondStageRuns' | 'firstLookAsked'> {
    return { slices: this.slices, longestMs: this.longest, longestByPhase: { ...this.byPhase } };
  }
}
