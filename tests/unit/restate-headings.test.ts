/**
 * A section heading names a topic, it states nothing: a restatement found in one is at most
 * "possibly related", never highlighted (lib/restate/core.ts `isLabel`). The same words as a
 * sentence of a paragraph are highlighted; the headline, in the lead, may state a claim.
 */

import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../../lib/annotate';
import { annotateTiers } from '../../lib/restate/annotate';
import { parse } from '../../scripts/bench-harness';
import { restatePageHtml } from '../fixtures/make-restate-fixtures';

const index = bundledIndex();

const LEAD = [
  "Yann LeCun, Meta's former chief AI scientist, told CNBC that Elon Musk's xAI is kind of a failure because its co-founders have left.",
  'LeCun said it is very difficult for Musk to hire top AI talent because he has not been nice to scientists.',
  'He said xAI rents out its huge infrastructure to other companies, because that is the only way for Musk to recoup the costs.',
  'Other AI companies are in a similar position, analysts say.',
  'The interview was recorded in April.',
];
const STATEMENT = 'Google and Anthropic are both renting compute from xAI’s data centers';

const run = (paragraphs: string[]) =>
  annotateTiers(
    parse(
      restatePageHtml({
        file: 'headings.html',
        kind: 'independent',
        lang: 'en',
        story: null,
        site: 'Probe News',
        nav: ['AI'],
        title: 'LeCun on xAI and the AI bubble',
        byline: 'By A. Writer · April 22, 2026',
        date: '2026-04-22',
        paragraphs,
        related: [],
        comments: [],
      }),
    ),
    index,
  );

describe('section headings', () => {
  it('a claim restated in a subheading is only "possibly related"', () => {
    const r = run([...LEAD, `## ${STATEMENT}`, 'More on that below.']);
    expect(r.stories.map((s) => s.storyId)).toEqual(['story-lecun-xai-failure']);
    const rent = r.restatements.filter((x) => x.claimId === 's003-google-anthropic-rent');
    expect(rent.map((x) => x.confidence)).toEqual(['low']);
  });

  it('the same words as a sentence of a paragraph are highlighted', () => {
    const r = run([...LEAD, `${STATEMENT}.`, 'More on that below.']);
    const rent = r.restatements.filter((x) => x.claimId === 's003-google-anthropic-rent');
    expect(rent.map((x) => x.confidence)).toEqual(['high']);
  });
});
