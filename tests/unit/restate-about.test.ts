/**
 * A restatement is about whom its claim is about: a page that never names the claim's
 * organisations or people (its speaker aside) restates none of it, however alike the words
 * ("Corvane is kind of a failure, frankly, because the founding team has gone" is no account of
 * what LeCun said of xAI). lib/restate/verify.ts, the `organisation` veto; for the first tier,
 * `FoundClaim.aboutNamed` (lib/match/find-claims.ts), dropped on a whole article by annotate-page.ts.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { annotateWithIndex } from '../../lib/match/pipeline';
import { annotateTiers } from '../../lib/restate/annotate';
import { parse } from '../../scripts/bench-harness';
import { restatePageHtml } from '../fixtures/make-restate-fixtures';

const index = bundledIndex();

const page = (subject: string): string =>
  restatePageHtml({
    file: 'about.html',
    kind: 'independent',
    lang: 'en',
    story: null,
    site: 'Probe News',
    nav: ['AI'],
    title: `Meta’s former AI chief says ${subject} is “kind of a failure”`,
    byline: 'By A. Writer · May 22, 2026',
    date: '2026-05-22',
    paragraphs: [
      `${subject} is a “failure” that will be unable to compete on the frontier of artificial intelligence, Yann LeCun told a podcast this week.`,
      `“${subject} is kind of a failure, frankly, because the founding team has gone,” LeCun said.`,
      `LeCun said ${subject} has a huge infrastructure and is renting it to other companies, because that is the only way to recoup the cost.`,
    ],
    related: [],
    comments: [],
  });

describe('a restatement is about whom its claim is about', () => {
  it('shows the statements on a page about xAI', () => {
    const r = annotateTiers(parse(page('Musk’s xAI')), index);
    expect(r.restatements.filter((x) => x.confidence === 'high').map((x) => x.claimId)).toContain('s003-lecun-failure');
  });

  it('shows none of them on a page about another company that never names xAI', () => {
    const r = annotateTiers(parse(page('Corvane')), index);
    expect(r.restatements.filter((x) => x.claimId === 's003-lecun-failure' || x.claimId === 's003-lecun-infrastructure')).toEqual([]);
    expect(r.stories).toEqual([]);
  });
});

describe('the first tier: a near-verbatim copy about someone else', () => {
  const quote = (subject: string): string =>
    restatePageHtml({
      file: 'about-t1.html',
      kind: 'independent',
      lang: 'en',
      story: null,
      site: 'Probe News',
      nav: ['AI'],
      title: `LeCun on ${subject}`,
      byline: 'By A. Writer · May 22, 2026',
      date: '2026-05-22',
      paragraphs: [
        `Yann LeCun, the founder of AMI Labs, spoke at length on a technology podcast this week about the state of the artificial intelligence industry.`,
        `“I’m not very positive about the prospect of ${subject},” LeCun said, adding that he doesn’t expect it to be able to compete with heavyweights GitHub and Google in coding tools.`,
        'He also talked about world models, the research his own start-up pursues, and about how long it may take before they are useful.',
        'The host pressed him on costs, and on whether the large labs can keep spending at the pace of the last two years.',
        'LeCun did not give figures. The interview was recorded in May and published on Thursday.',
      ],
      related: [],
      comments: [],
    });

  it('annotates the quotation on a page about xAI', () => {
    expect(annotateWithIndex(parse(quote('xAI')), index).annotations.map((a) => a.claimId)).toContain('s003-lecun-not-positive');
  });

  it('does not on a page that never names xAI (the first tier alone matches the copy: 0.78)', () => {
    expect(annotateWithIndex(parse(quote('Corvane')), index).annotations.map((a) => a.claimId)).not.toContain('s003-lecun-not-positive');
  });
});
