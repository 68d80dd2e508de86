/**
 * A restatement is about whom its claim is about: a page that never names the claim's
 * organisations or people (its speaker aside) restates none of it, however alike the words
 * ("Corvane is kind of a failure, frankly, because the founding team has gone" is no account of
 * what LeCun said of xAI). lib/restate/verify.ts, the `organisation` veto.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
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
