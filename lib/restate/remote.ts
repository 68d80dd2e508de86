/**
 * The restatement tier across the extension's boundary: the page keeps its DOM (the first tier's
 * text models, ranges), the background keeps the tier's index and does the work on text.
 *
 *  - page-side.ts `partsForRequest`: the texts and first-tier hits the `restate:find` request carries;
 *  - `findRestatements` (background side): the core over those texts, in bounded steps with a yield
 *    to the event loop between slices, answering plain matches (offsets, with each claim's facts)
 *    and stories;
 *  - page-side.ts `restatementsFromFound` turns the answer into ranges.
 */

import type { CompiledIndex } from '../index/format';
import type { RestatePartText } from '../messages/protocol';
import { BACKGROUND_SLICE_MS, runInSlices, yieldToMain } from '../overlay/slices';
import { RestatementCore } from './core';
import type { FoundRestatement, StoryResult } from './types';
import { parseIsoDate } from './page-date';

export async function findRestatements(index: CompiledIndex, parts: readonly RestatePartText[], date: string | null): Promise<{ found: FoundRestatement[]; stories: StoryResult[] }> {
  const core = new RestatementCore(index, () => parseIsoDate(date));
  function* steps(): Generator<unknown, { found: FoundRestatement[]; stories: StoryResult[] }, undefined> {
    for (const p of parts) yield* core.addPart(p.text, p.hits.map(([start, end, claim]) => ({ start, end, claim })));
    const out = yield* core.finish();
    // Plain data for the reply: the reasons' shared words are read now.
    const found = out.found.map((f) => ({ ...f, reasons: { names: f.reasons.names, numbers: f.reasons.numbers, terms: [...f.reasons.terms] } }));
    return { found, stories: out.stories };
  }
  const result = await runInSlices(steps(), { budgetMs: BACKGROUND_SLICE_MS, yieldToMain });
  return result ?? { found: [], stories: [] };
}
