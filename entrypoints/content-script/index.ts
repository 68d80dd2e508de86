/**
 * The content script: the first look, on every http(s) page (lib/page/first-look.ts). It decides
 * whether the page needs Counterpoint at all (an article that names something of the dataset, or a
 * page where the reader may have notes) and, only then, asks the background for the first stage
 * (entrypoints/content-first-stage/), which keeps the page's life cycle and loads the matcher and
 * the second stage where needed (README "What the content script costs a page"). On a page that needs nothing it
 * holds no observer and no message listener: the extension's pages start the first stage
 * themselves when they have something to ask the tab (`sendToTab`, utils/messaging.ts).
 *
 * Why not WXT's `defineContentScript`: its `ContentScriptContext` announces every content script to
 * the page (a window message and a document event on every page: a fingerprint) and stops the
 * script when page script dispatches that event itself, and its location watcher speaks through a
 * window event the page can both hear and forge. This is an unlisted script, registered as the
 * content script in wxt.config.ts, with none of that: page script can observe nothing of it. The
 * first stage, the matcher and the second stage are unlisted scripts too, injected by the background, never
 * web-accessible.
 */
import { pageKeyOf } from '../../lib/notes/page-key';
import { looksLikeArticle } from '../../lib/detect/looks-like-article';
import { bodyPassesGate } from '../../lib/overlay/body-gate';
import { FirstLook } from '../../lib/page/first-look';
import { sendRequest } from '../../utils/messaging';
import { pageMayHaveNotes } from '../../utils/page-keys';
import { claimFirstLook, firstStageRuns, markFirstLookAsked } from '../../utils/stage-slots';

export default defineUnlistedScript(() => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (!claimFirstLook()) return; // already looking in this world
  new FirstLook(document, window, {
    looksLikeArticle,
    bodyPassesGate,
    mayHaveNotes: () => pageMayHaveNotes(() => pageKeyOf(document)).catch(() => false),
    startFirstStage: async () => {
      if (!firstStageRuns()) {
        markFirstLookAsked();
        const reply = await sendRequest({ type: 'content:first-stage' }).catch(() => null);
        if (!reply?.ok) return false;
      }
      return firstStageRuns();
    },
    // Not `extensionAlive()` (utils/lifetime.ts): it reads `runtime`, whose bindings cost every page;
    // after an update or removal the look's two extension calls fail, are caught, and it ends at 15 s.
    shouldContinue: () => !firstStageRuns(),
  });
});
