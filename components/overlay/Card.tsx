import { createContext, type Ref } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { CopyStatus, type CopyOutcome } from '../links/copy-link';
import { plural, useT } from '../i18n';
import { STATUS_KEY, STATUS_LONG_KEY } from '../status';
import type { Lang } from '../../lib/dataset/types';
import type { CardModel, PagePassage, RelatedGroup, RelatedItem, SourceRef, TextOrigin, Where } from '../../lib/overlay/card-model';
import type { RestatedView } from '../../lib/overlay/restated-model';
import type { ClaimStatus } from '../../lib/overlay/types';

export { STATUS_KEY };
const GROUP_KEY: Record<RelatedGroup, string> = {
  contradicts: 'ovGroupContradicts',
  differs: 'ovGroupDiffers',
  supports: 'ovGroupSupports',
  context: 'ovGroupContext',
};
const GROUPS: RelatedGroup[] = ['contradicts', 'differs', 'supports', 'context'];

export interface CardProps {
  /** The claims on the passage, most severe first (usually one). */
  models: readonly CardModel[];
  /** Which of them is shown. */
  selected: number;
  onSelect: (index: number) => void;
  /** The highlight is a passage restating the claim (the second tier's): the card says so. */
  restated?: RestatedView;
  /** "Not this passage": hide this match on the page. */
  onDismissMatch?: () => void;
  /** The reader's UI language. */
  ui: Lang;
  /** The language the claim texts are shown in (the toggle flips it). */
  textLang: Lang;
  onToggleLang: () => void;
  onClose: () => void;
  /** Opens the story view at this claim's story (absent: no link). */
  onOpenStory?: () => void;
  style?: Record<string, string>;
  cardRef?: Ref<HTMLDivElement>;
  onMouseEnter?: () => void;
  onMouseLeave?: () => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  /**
   * Copies a link that opens the page at the passage this claim matched, highlighted (with or
   * without Counterpoint). Called synchronously in the reader's click (the clipboard needs it).
   */
  onCopyLink?: () => Promise<CopyOutcome>;
}

/**
 * Opens the bundled source view. The page must never hold an extension URL (it would identify the
 * install), so the link is a button and the content script asks the background to open the tab.
 */
export const SourceOpenerContext = createContext<(ref: SourceRef) => void>(() => undefined);

function WhereLine({ where }: { where: Where }) {
  const t = useT();
  const openSource = useContext(SourceOpenerContext);
  const parts = [where.outlet];
  if (where.digestOf) parts.push(t('ovCardDigestOf', where.digestOf));
  if (where.author) parts.push(t('ovCardAuthor', where.author));
  if (where.editor) parts.push(t('ovCardEditor', where.editor));
  return (
    <span class="cp-where">
      {parts.join(' · ')}{' '}
      <button type="button" class="cp-link" data-testid="cp-source-link" onClick={() => openSource(where.source)}>
        {t('ovCardSourceLink')}
        <span aria-hidden="true"> ↗</span>
      </button>
    </span>
  );
}

/** Who wrote the text shown, when it is not the outlet itself ("translation by AI日報"). */
function OriginNote({ origin }: { origin: TextOrigin }) {
  const t = useT();
  if (origin.by === 'source') return null;
  return (
    <span class="cp-muted cp-small" data-testid="cp-text-origin" data-origin={origin.by}>
      {origin.by === 'counterpoint' ? t('ovCardTranslated') : t('ovCardTranslatedBy', origin.outlet)}
    </span>
  );
}

function Related({ item, textLang }: { item: RelatedItem; textLang: Lang }) {
  const t = useT();
  return (
    <li class="cp-related" data-testid="cp-related" data-claim={item.claimId} data-type={item.type}>
      <div class="cp-related__who">
        <strong>{item.who.name}</strong>
        {item.who.roles && <span class="cp-muted"> — {item.who.roles}</span>}
        {item.when && <span class="cp-related__when"> · {item.when}</span>}
      </div>
      <blockquote class="cp-related__text" lang={textLang}>
        {item.text[textLang]}
      </blockquote>
      <OriginNote origin={item.origin[textLang]} />
      {item.why && (
        <p class="cp-related__why">
          <span class="cp-label">{t('ovCardWhy')}: </span>
          {item.why}
        </p>
      )}
      <p class="cp-related__where">
        <WhereLine where={item.where} />
      </p>
    </li>
  );
}

const PASSAGE_KEY: Record<Exclude<PagePassage['match'], 'same'>, string> = {
  headline: 'ovPassageHeadline',
  translation: 'ovPassageTranslation',
  restates: 'ovPassageRestates',
  reworded: 'ovPassageReworded',
};

/**
 * The page's own words, when they are not the claim's: what the reader clicked, and why the card
 * quotes something else (a headline restating the claim, the digest's translation, an edited copy).
 */
function PassageNote({ passage }: { passage: PagePassage }) {
  const t = useT();
  if (passage.match === 'same') return null;
  return (
    <section class="cp-passage" data-testid="cp-card-passage" data-match={passage.match}>
      <h3 class="cp-passage__title">{t('ovCardOnPage')}</h3>
      <blockquote class="cp-passage__text" lang={passage.lang} data-testid="cp-card-passage-text">
        {passage.text}
      </blockquote>
      <p class="cp-passage__why" data-testid="cp-card-passage-why">
        {t(PASSAGE_KEY[passage.match], passage.translator ?? '')}
      </p>
    </section>
  );
}

/**
 * What a restated passage's card adds: that the passage is the page's wording, the passage itself,
 * and what made it match. The dataset's words follow as "the original statement".
 */
function RestatedIntro({ view }: { view: RestatedView }) {
  const t = useT();
  const reasons = [
    view.names.length ? t('ovRestatedNames', view.names.join(', ')) : null,
    view.numbers.length ? t('ovRestatedNumbers', view.numbers.join(', ')) : null,
    view.terms.length ? t('ovRestatedTerms', view.terms.join(', ')) : null,
  ].filter((x): x is string => x !== null);
  return (
    <section class="cp-restated" data-testid="cp-restated">
      <p class="cp-restated__label">{t('ovRestatedOnPage')}</p>
      <blockquote class="cp-restated__passage" data-testid="cp-restated-passage">
        {view.passage}
      </blockquote>
      {reasons.length > 0 && (
        <p class="cp-muted cp-small" data-testid="cp-restated-reasons">
          <span class="cp-label">{t('ovRestatedReasons')}: </span>
          {reasons.join(' · ')}
        </p>
      )}
      <p class="cp-restated__banner" data-testid="cp-restated-banner">
        {t('ovRestatedBanner')}
      </p>
    </section>
  );
}

/** Several claims on one passage: one tab each (speaker and status), so none hides behind another. */
function ClaimTabs({ models, selected, onSelect }: { models: readonly CardModel[]; selected: number; onSelect: (i: number) => void }) {
  const t = useT();
  if (models.length < 2) return null;
  return (
    <div class="cp-claims" data-testid="cp-card-claims">
      <p class="cp-claims__title">{plural(t, 'ovPassageClaims', models.length)}</p>
      <div class="cp-claims__tabs" role="tablist" aria-label={t('ovPassageClaimsLabel')}>
        {models.map((m, i) => (
          <button
            type="button"
            role="tab"
            key={m.claimId}
            class={`cp-claims__tab${i === selected ? ' cp-claims__tab--on' : ''}`}
            aria-selected={i === selected ? 'true' : 'false'}
            data-testid="cp-card-claim-tab"
            data-claim={m.claimId}
            onClick={() => onSelect(i)}
          >
            <span class={`cp-dot cp-dot--${m.status}`} aria-hidden="true" />
            <span>{m.who.name}</span>
            <span class="cp-visually-hidden"> ({t(STATUS_KEY[m.status])})</span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** The claim card. Every page-derived string is rendered as a text node (never as HTML). */
export function Card(props: CardProps) {
  const { models, ui, textLang } = props;
  const model = models[Math.min(props.selected, models.length - 1)]!;
  const t = useT();
  const other: Lang = textLang === 'ja' ? 'en' : 'ja';
  const titleId = `cp-card-title-${model.claimId}`;
  const differs = model.passage.match !== 'same';
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  useEffect(() => setCopied(null), [model.claimId]);
  const onCopyLink = props.onCopyLink;
  return (
    <div
      class={`cp-card cp-card--${model.status}${props.restated ? ' cp-card--restated' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="cp-card"
      data-claim={model.claimId}
      data-claims={String(models.length)}
      data-status={model.status}
      data-kind={props.restated ? 'restated' : 'quote'}
      ref={props.cardRef}
      style={props.style}
      onMouseEnter={props.onMouseEnter}
      onMouseLeave={props.onMouseLeave}
      onKeyDown={props.onKeyDown}
      lang={ui}
    >
      <header class="cp-card__head">
        <span class={`cp-chip cp-chip--${model.status}`} data-testid="cp-card-status">
          <span class="cp-chip__dot" aria-hidden="true" />
          {t(STATUS_LONG_KEY[model.status])}
        </span>
        {props.restated && (
          <span class="cp-chip cp-chip--restated" data-testid="cp-card-restated">
            {t('ovRestatedChip')}
          </span>
        )}
        <button type="button" class="cp-icon-button" aria-label={t('ovCardClose')} title={t('ovCardClose')} onClick={props.onClose} data-testid="cp-card-close">
          ×
        </button>
      </header>

      <ClaimTabs models={models} selected={props.selected} onSelect={props.onSelect} />
      {/* A restated passage says it itself (the page's wording and what matched); otherwise the
          page's passage is shown when its words are not the claim's. */}
      {!props.restated && <PassageNote passage={model.passage} />}
      {!props.restated && differs && <h3 class="cp-passage__title">{t('ovCardClaim')}</h3>}
      {props.restated && <RestatedIntro view={props.restated} />}
      {props.restated && <p class="cp-restated__label">{t('ovRestatedOriginal')}</p>}
      <blockquote class="cp-card__text" id={titleId} lang={textLang} data-testid="cp-card-text">
        {model.text[textLang]}
      </blockquote>
      <div class="cp-card__textbar">
        {model.attribution && (
          <span class="cp-muted cp-small" data-testid="cp-card-attribution">
            {model.attribution}
          </span>
        )}
        <OriginNote origin={model.origin[textLang]} />
        <button type="button" class="cp-text-button" onClick={props.onToggleLang} data-testid="cp-lang-toggle" lang={other}>
          {t(other === 'ja' ? 'ovCardShowJa' : 'ovCardShowEn')}
        </button>
        {onCopyLink && (
          <button type="button" class="cp-text-button" data-testid="cp-copy-link" title={t('ovCardCopyLinkHelp')} onClick={() => void onCopyLink().then(setCopied)}>
            {t('ovCardCopyLink')}
          </button>
        )}
      </div>
      <CopyStatus outcome={copied} />

      {model.speakerWords.length > 0 && (
        <section class="cp-words" data-testid="cp-speaker-words">
          <h3 class="cp-words__title">{t('ovCardSpeakerWords')}</h3>
          <ul class="cp-group__list">
            {model.speakerWords.map((w) => (
              <li class="cp-related" key={w.claimId} data-claim={w.claimId}>
                <blockquote class="cp-related__text" lang={textLang}>
                  {w.text[textLang]}
                </blockquote>
                <OriginNote origin={w.origin[textLang]} />
                <p class="cp-related__where">
                  <WhereLine where={w.where} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.note && (
        <p class="cp-note" data-testid="cp-card-note">
          <span class="cp-label">{t('ovCardNote')}: </span>
          {model.note}
        </p>
      )}

      <dl class="cp-facts">
        <dt>{t('ovCardWho')}</dt>
        <dd data-testid="cp-card-who">{model.who.line}</dd>
        <dt>{t('ovCardWhen')}</dt>
        <dd data-testid="cp-card-when">{model.when}</dd>
        <dt>{t('ovCardWhere')}</dt>
        <dd data-testid="cp-card-where">
          <WhereLine where={model.where} />
        </dd>
      </dl>

      <section class="cp-other" aria-label={t(props.restated ? 'ovRestatedOther' : 'ovCardOther')}>
        <h2 class="cp-other__title" data-testid="cp-other-title">{t(props.restated ? 'ovRestatedOther' : 'ovCardOther')}</h2>
        {model.relatedCount === 0 && <p class="cp-muted">{t('ovCardNoRelated')}</p>}
        {GROUPS.filter((g) => model.related[g].length > 0).map((g) => (
          <div class={`cp-group cp-group--${g}`} data-testid={`cp-group-${g}`} key={g}>
            <h3 class="cp-group__title">
              {t(GROUP_KEY[g])} <span class="cp-muted">({model.related[g].length})</span>
            </h3>
            <ul class="cp-group__list">
              {model.related[g].map((item) => (
                <Related item={item} textLang={textLang} key={item.claimId} />
              ))}
            </ul>
          </div>
        ))}
        {props.onOpenStory && (
          <p class="cp-card__story">
            <button type="button" class="cp-link" data-testid="cp-card-story" onClick={props.onOpenStory}>
              {t('ovCardStory')}
              <span aria-hidden="true"> ↗</span>
            </button>
          </p>
        )}
      </section>
      {props.onDismissMatch && (
        <p class="cp-restated__actions">
          <button type="button" class="cp-text-button" data-testid="cp-dismiss-match" onClick={props.onDismissMatch}>
            {t('ovRestatedDismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
