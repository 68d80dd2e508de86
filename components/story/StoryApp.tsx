import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, RelationType } from '../../lib/dataset/types';
import type { StoryClaim, StoryColumn, StoryLink, StoryTopicView, StoryViewModel } from '../../lib/story/story-view';
import { plural, useT } from '../i18n';

/**
 * The story view (an extension page): for each story of the dataset, what each source says, side by
 * side, grouped by topic, with relation, speaker, date and outlet, and the pages where the reader met
 * each claim. Everything shown is the dataset's text or the reader's own history, as text nodes.
 */
export interface StoryAppProps {
  stories: readonly StoryViewModel[];
  ui: Lang;
  /** The story to show first, and a claim to scroll to and mark (from `story.html?claim=…`). */
  initialStory?: string | null;
  focusClaim?: string | null;
  /** Whether the reader keeps a reading history (settings); false: the view says how to turn it on. */
  historyOn: boolean;
  onOpenSettings?: () => void;
}

const RELATION_KEY: Record<RelationType, string> = {
  contradicts: 'ovGroupContradicts',
  differs: 'ovGroupDiffers',
  supports: 'ovGroupSupports',
  contextualizes: 'ovGroupContext',
};

function Origin({ claim, lang }: { claim: StoryClaim; lang: Lang }) {
  const t = useT();
  const o = claim.origin[lang];
  if (o.by === 'source') return null;
  return <span class="st-origin">{o.by === 'counterpoint' ? t('ovCardTranslated') : t('ovCardTranslatedBy', o.outlet)}</span>;
}

function ClaimItem({ claim, lang, focused }: { claim: StoryClaim; lang: Lang; focused: boolean }) {
  const t = useT();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <li
      ref={ref}
      class={`st-claim${focused ? ' st-claim--focus' : ''}${claim.key ? ' st-claim--key' : ''}`}
      data-testid="story-claim"
      data-claim={claim.claimId}
      data-key={claim.key ? 'true' : undefined}
      data-source={claim.sourceId}
      aria-current={focused ? 'true' : undefined}
    >
      <blockquote class="st-claim__text" lang={lang}>
        {claim.text[lang]}
      </blockquote>
      <Origin claim={claim} lang={lang} />
      <p class="st-claim__meta">
        <span class="st-claim__who">{claim.who}</span>
        <span class="st-claim__when"> · {claim.when}</span>
        {!claim.byOutlet && <span class="st-claim__outlet"> · {claim.outlet}</span>}
      </p>
      {(claim.relations.length > 0 || claim.key) && (
        <p class="st-chips">
          {claim.key && (
            <span class="st-chip st-chip--key" data-testid="story-key">
              {t('storyKeyClaim')}
            </span>
          )}
          {claim.relations.map((r) => (
            <span class={`st-chip st-chip--${r}`} key={r} data-testid="story-chip" data-type={r}>
              {t(RELATION_KEY[r])}
            </span>
          ))}
        </p>
      )}
      {claim.met.length > 0 && (
        <p class="st-met" data-testid="story-claim-met">
          {t('storyMetOn')}{' '}
          {claim.met.map((m, i) => (
            <span key={m.url}>
              {i > 0 && ', '}
              <a href={m.url} target="_blank" rel="noopener noreferrer">
                {m.title}
              </a>{' '}
              <span class="st-muted">({m.when})</span>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

function Columns({ columns, lang, focus }: { columns: readonly StoryColumn[]; lang: Lang; focus: string | null }) {
  return (
    <div class="st-cols" style={{ '--st-cols': String(columns.length) }}>
      {columns.map((col) => (
        <section class="st-col" key={col.sourceId} data-testid="story-column" data-source={col.sourceId} aria-label={col.outlet}>
          <h4 class="st-col__outlet">{col.outlet}</h4>
          <ul class="st-claims">
            {col.claims.map((c) => (
              <ClaimItem claim={c} lang={lang} key={c.claimId} focused={c.claimId === focus} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Links({ links }: { links: readonly StoryLink[] }) {
  const t = useT();
  if (links.length === 0) return null;
  return (
    <details class="st-links" open>
      <summary>{t('storyLinks')}</summary>
      <ul>
        {links.map((l, i) => (
          <li key={i} class={`st-link st-link--${l.type}`} data-testid="story-link" data-type={l.type}>
            <span class={`st-chip st-chip--${l.type}`}>{t(RELATION_KEY[l.type])}</span>{' '}
            <span class="st-link__ends">
              {l.from.label} <span aria-hidden="true">{l.mutual ? '↔' : '→'}</span>
              <span class="st-visually-hidden">{l.mutual ? t('storyAnd') : t('storyTo')}</span> {l.to.label}
            </span>
            {l.why && <span class="st-link__why">: {l.why}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function TopicSection({ topic, n, lang, focus }: { topic: StoryTopicView; n: number; lang: Lang; focus: string | null }) {
  const t = useT();
  const hasFocus = !!focus && (topic.columns.some((c) => c.claims.some((x) => x.claimId === focus)) || topic.background.some((x) => x.claimId === focus));
  return (
    <section class="st-topic" data-testid="story-topic" data-topic={topic.id} aria-labelledby={`st-topic-${topic.id}`}>
      <h3 class="st-topic__title" id={`st-topic-${topic.id}`}>
        <span class="st-topic__n">{t('storyTopic', String(n))}</span> <span lang={lang}>{topic.title[lang]}</span>
      </h3>
      <Columns columns={topic.columns} lang={lang} focus={focus} />
      {topic.background.length > 0 && (
        <details class="st-background" open={hasFocus && topic.background.some((x) => x.claimId === focus)}>
          <summary>{plural(t, 'storyBackground', topic.background.length)}</summary>
          <Columns columns={groupBySource(topic.background)} lang={lang} focus={focus} />
        </details>
      )}
      <Links links={topic.links} />
    </section>
  );
}

function groupBySource(claims: readonly StoryClaim[]): StoryColumn[] {
  const by = new Map<string, StoryColumn>();
  for (const c of claims) {
    const col = by.get(c.sourceId) ?? { sourceId: c.sourceId, outlet: c.outlet, claims: [] };
    col.claims.push(c);
    by.set(c.sourceId, col);
  }
  return [...by.values()];
}

export function StoryApp({ stories, ui, initialStory, focusClaim, historyOn, onOpenSettings }: StoryAppProps) {
  const t = useT();
  const [current, setCurrent] = useState<string | null>(initialStory ?? stories[0]?.id ?? null);
  const [lang, setLang] = useState<Lang>(ui);
  useEffect(() => setLang(ui), [ui]);
  const story = stories.find((s) => s.id === current) ?? stories[0];
  if (!story) {
    return (
      <main class="st" data-testid="story">
        <h1>{t('storyTitle')}</h1>
        <p data-testid="story-empty">{t('storyEmpty')}</p>
      </main>
    );
  }
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const unlinkedCount = story.unlinked.reduce((n, c) => n + c.claims.length, 0);
  const focusUnlinked = !!focusClaim && story.unlinked.some((c) => c.claims.some((x) => x.claimId === focusClaim));
  return (
    <main class="st" data-testid="story" data-story={story.id}>
      <header class="st-head">
        <p class="st-kicker">
          <span aria-hidden="true">◐</span> {t('storyTitle')}
        </p>
        <nav class="st-tabs" role="tablist" aria-label={t('storyChoose')}>
          {stories.map((s, i) => (
            <button
              type="button"
              role="tab"
              key={s.id}
              class={`st-tab${s.id === story.id ? ' st-tab--on' : ''}`}
              aria-selected={s.id === story.id ? 'true' : 'false'}
              data-testid="story-tab"
              data-story={s.id}
              onClick={() => setCurrent(s.id)}
            >
              {s.title ?? t('storyNumbered', [String(i + 1), s.headlines.map((h) => h.outlet).join(' · ')])}
            </button>
          ))}
        </nav>
        <button type="button" class="cp-button cp-button--small st-lang" data-testid="story-lang" lang={other} onClick={() => setLang(other)}>
          {t(other === 'ja' ? 'ovCardShowJa' : 'ovCardShowEn')}
        </button>
      </header>

      <section class="st-story" aria-labelledby="st-story-title">
        <h1 id="st-story-title" class="st-story__title">
          {story.title ?? t('storyNumbered', [String(stories.indexOf(story) + 1), story.headlines.map((h) => h.outlet).join(' · ')])}
        </h1>
        {story.event && (
          <p class="st-event" data-testid="story-event">
            {story.event}
          </p>
        )}
        <ul class="st-headlines">
          {story.headlines.map((h) => (
            <li key={h.outlet} data-testid="story-headline">
              <strong>{h.outlet}</strong>: {h.title ? <q>{h.title}</q> : <span class="st-muted">{t('storyNoHeadline')}</span>}
            </li>
          ))}
        </ul>
        <p class="st-counts" data-testid="story-counts">
          {plural(t, 'storyClaims', story.claimCount)} · {plural(t, 'storyTopics', story.topics.length)}
        </p>

        <section class="st-met-box" data-testid="story-met" aria-labelledby="st-met-h">
          <h2 id="st-met-h">{t('storyMetHeading')}</h2>
          {!historyOn ? (
            <p class="st-muted" data-testid="story-history-off">
              {t('storyHistoryOff')}{' '}
              {onOpenSettings && (
                <button type="button" class="cp-button cp-button--small" onClick={onOpenSettings}>
                  {t('popupSettings')}
                </button>
              )}
            </p>
          ) : story.met.length === 0 ? (
            <p class="st-muted" data-testid="story-met-none">{t('storyMetNone')}</p>
          ) : (
            <ul class="st-met-list">
              {story.met.map((m) => (
                <li key={m.url} data-testid="story-met-page">
                  <a href={m.url} target="_blank" rel="noopener noreferrer">
                    {m.title}
                  </a>{' '}
                  <span class="st-muted">({m.when})</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <h2 class="st-section-title">{t('storyTopicsHeading')}</h2>
        <p class="st-muted st-explain">{t('storyTopicsExplain')}</p>
        {story.topics.map((topic, i) => (
          <TopicSection topic={topic} n={i + 1} lang={lang} focus={focusClaim ?? null} key={topic.id} />
        ))}

        {unlinkedCount > 0 && (
          <details class="st-unlinked" data-testid="story-unlinked" open={focusUnlinked}>
            <summary>{plural(t, 'storyUnlinked', unlinkedCount)}</summary>
            <Columns columns={story.unlinked} lang={lang} focus={focusClaim ?? null} />
          </details>
        )}
      </section>
    </main>
  );
}
