/**
 * The content script's matcher: the first tier over the claims index, and the page's side of the
 * second tier (the texts it sends the background, the ranges it makes of the answer). Injected by
 * the background (`scripting.executeScript`, utils/inject-stage.ts) only into articles that passed
 * the first stage's gate, into the same isolated world as the first stage, which it meets through
 * `registerMatcher`. Nothing runs here by itself.
 *
 * It carries no data: the index comes from the background when the first stage first asks for the
 * annotator (`content:data`, utils/content-data.ts), as JSON text. The views are the second
 * stage's (entrypoints/content-stage-two/), injected only where there is something to show.
 */
import type { CompiledIndex } from '../../lib/index/format';
import { loadIndex } from '../../lib/index/load';
import { PAGE_GATE } from '../../lib/generated/claims-gate';
import { useCompiledGate } from '../../lib/match/gate';
import { annotatorFor, type PageAnnotator } from '../../lib/overlay/page-annotator';
import { requestContentData } from '../../utils/content-data';
import { registerMatcher } from '../../utils/matcher-stage';
import { findRestatements } from '../../utils/restate';

export default defineUnlistedScript(() => {
  registerMatcher(() => {
    let annotator: Promise<PageAnnotator | null> | null = null;
    return {
      annotator: () =>
        (annotator ??= requestContentData('claims-index').then(
          (json) => {
            const index: CompiledIndex = loadIndex(JSON.parse(json));
            useCompiledGate(index, PAGE_GATE); // the build's gate, not one built again from the terms
            // The second tier (restatements, stories) runs in the background, where its index is.
            return annotatorFor(index, findRestatements);
          },
          (e: unknown) => {
            console.warn('[Counterpoint] could not read the claims index', e);
            annotator = null; // a later run asks again
            return null;
          },
        )),
    };
  });
});
