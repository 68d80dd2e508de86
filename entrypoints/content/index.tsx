import { startNotes } from './notes';
import { startOverlay } from './overlay';
import '../../components/badge.css';
import '../../components/overlay/overlay.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    // Reader's notes work on every http(s) page; they touch the DOM only to draw saved highlights
    // or when the reader selects text.
    startNotes(ctx);
    // On non-article pages this reads a few selectors and stops (see startOverlay); the DOM is
    // never touched there. A short, bounded MutationObserver watches for article bodies that
    // appear late and for SPA navigations.
    startOverlay(ctx);
  },
});
