import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';
import type { Lang } from '../../lib/dataset/types';
import { formatPublished } from '../../lib/overlay/dates';
import type { SourceViewResult } from '../../lib/overlay/source-view';

/** The bundled source view: the seed text with the claim's anchor highlighted and scrolled to. */
export function SourceView({ result, ui, nameOf }: { result: SourceViewResult; ui: Lang; nameOf: (entityId: string) => string }) {
  const t = useT();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [result]);
  if (!result.ok) {
    return (
      <main class="sv">
        <h1>{t('ovSourceTitle')}</h1>
        <p role="alert" data-testid="sv-error">
          {t('ovSourceNotFound')} ({result.reason})
        </p>
      </main>
    );
  }
  const { source, claim, before, passage, after } = result.view;
  const meta = [nameOf(source.publisherId)];
  if (source.digestOf) {
    const digested = result.view.digestOf;
    if (digested) meta.push(t('ovCardDigestOf', nameOf(digested.publisherId)));
  }
  if (source.authorId) meta.push(t('ovCardAuthor', nameOf(source.authorId)));
  if (source.editorId) meta.push(t('ovCardEditor', nameOf(source.editorId)));
  if (source.translatedBy) {
    for (const lang of ['ja', 'en'] as const) {
      const by = source.translatedBy[lang];
      if (by) meta.push(t(lang === 'ja' ? 'ovSourceJaTranslatedBy' : 'ovSourceEnTranslatedBy', nameOf(by)));
    }
  }
  const title = source.title ? source.title[ui] || source.title.ja || source.title.en : t('ovSourceUntitled', nameOf(source.publisherId));
  return (
    <main class="sv">
      <header class="sv__head">
        <p class="sv__kicker">{t('ovSourceTitle')}</p>
        <h1 class="sv__title">{title}</h1>
        <p class="sv__meta" data-testid="sv-meta">{meta.join(' · ')}</p>
        <p class="sv__meta">{t('ovSourcePublished', formatPublished(source.publishedOn, ui))}</p>
        {claim && (
          <p class="sv__claim">
            <span class="sv__hint">{t('ovSourcePassage')}</span>
          </p>
        )}
      </header>
      <article class="sv__text" data-testid="sv-text">
        {before}
        <mark ref={mark} id="cp-anchor" data-testid="sv-anchor">
          {passage}
        </mark>
        {after}
      </article>
    </main>
  );
}
