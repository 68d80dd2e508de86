/**
 * Highlight density: how loudly each matched claim is marked on the page, so a reader can tell at
 * a glance what to weigh instead of seeing every sentence underlined (28–42 claims per seed
 * article). Pure: the content script asks `markFor` once per annotation and hands the answer to
 * `highlight()` as the item's `strength` (lib/overlay/highlight.ts).
 *
 * The reader picks one of three densities (the settings page; stored by utils/reader-settings.ts):
 *
 * | density        | contested | another view | someone's words (quote, paraphrase) | the outlet's own (fact, assessment, question) |
 * |----------------|-----------|--------------|-------------------------------------|-----------------------------------------------|
 * | `all`          | strong    | strong       | strong                              | strong                                        |
 * | `key` (default)| strong    | strong       | strong                              | subtle                                        |
 * | `contested`    | strong    | none         | none                                | none                                          |
 *
 * Why these lines:
 *  - `contested` (a `contradicts` relation: both cannot be true) is what a reader must weigh most,
 *    so it is strong at every density. It is rare: the seed pages have none (data/README.md).
 *  - "another view" (`differs`) is a different assessment of the same subject to weigh: strong by
 *    default, as the badge counts it; not contested, so off in "contested only".
 *  - Words attributed to someone (`quote`, `paraphrase`) are where overstating and misquoting
 *    happen: strong by default, whatever their relations. The outlet's own statements are most of a
 *    news article; by default they keep a subtle mark, so the reader still sees that Counterpoint
 *    knows them (and can open their card) without the page being painted over.
 *  - `supported` never raises a mark on its own: agreement is not something to be warned about.
 *  - `none` is not painted, but the claim stays in the overlay (badge list, keyboard, card): density
 *    is about the page's look, never about hiding what Counterpoint found.
 *
 * The in-page wiring (phase 2 of issue #16) is, per annotation:
 *
 *     const strength = markFor(density, { status: claimStatus(a.relations), kind: claimKindOf(a.claimId, catalog) });
 *     highlight(document, anns.map((a, i) => ({ range: a.range, status: statuses[i], strength: strengths[i] })));
 *
 * with `density` from `readReaderSettings()` (utils/reader-settings.ts), re-run on
 * `onReaderSettingsChanged`, and `<Legend density={density} />` (components/Legend.tsx) beside the badge.
 */

import type { ClaimKind } from '../dataset/types';
import type { Catalog } from './catalog';
import type { ClaimStatus } from './types';

export const HIGHLIGHT_DENSITIES = ['all', 'key', 'contested'] as const;
export type HighlightDensity = (typeof HIGHLIGHT_DENSITIES)[number];
/** The middle one: strong marks for what a reader should weigh, subtle for the rest. */
export const DEFAULT_DENSITY: HighlightDensity = 'key';

export type MarkStrength = 'strong' | 'subtle' | 'none';
/** Strongest first. */
export const MARK_STRENGTHS: readonly MarkStrength[] = ['strong', 'subtle', 'none'];

export interface MarkInput {
  status: ClaimStatus;
  /** The claim's kind (catalog / dataset); unknown (no dataset bundled) counts as the outlet's own. */
  kind?: ClaimKind;
}

/** Words the outlet attributes to someone else: a quotation, or its own wording of what they said. */
export function isAttributed(kind: ClaimKind | undefined): boolean {
  return kind === 'quote' || kind === 'paraphrase';
}

export function isHighlightDensity(value: unknown): value is HighlightDensity {
  return typeof value === 'string' && (HIGHLIGHT_DENSITIES as readonly string[]).includes(value);
}

/** How one claim is marked at a density (see the table above). */
export function markFor(density: HighlightDensity, { status, kind }: MarkInput): MarkStrength {
  if (status === 'contested') return 'strong';
  switch (density) {
    case 'all':
      return 'strong';
    case 'key':
      return status === 'other-view' || isAttributed(kind) ? 'strong' : 'subtle';
    case 'contested':
      return 'none';
  }
}

/** The claim's kind from the card catalog (undefined when the dataset is not bundled or lacks it). */
export function claimKindOf(claimId: string, catalog: Pick<Catalog, 'claim'>): ClaimKind | undefined {
  return catalog.claim(claimId)?.kind;
}
