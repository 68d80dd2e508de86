import { render } from 'preact';
import { looksLikeArticle } from '../../lib/detect/article';
import { Badge } from '../../components/Badge';
import { I18nContext } from '../../components/i18n';
import { translate } from '../../utils/i18n';
import '../../components/badge.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Non-article pages: two selector lookups, then nothing; the DOM is never touched.
    if (!looksLikeArticle(document) || !document.body) return;

    const ui = await createShadowRootUi(ctx, {
      name: 'counterpoint-badge',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(
          <I18nContext.Provider value={translate}>
            <Badge />
          </I18nContext.Provider>,
          container,
        );
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
