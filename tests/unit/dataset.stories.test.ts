/** The dataset's `stories` and `aliasNotes`: validated like the rest, in the validator's error style. */

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { formatIssue, validateDataset } from '../../lib/dataset/validate';
import { CLAIMS_FILE, copy, readJson, readSeeds } from '../../scripts/dataset-files';
import { bundledIndex } from '../../lib/annotate';
import { findEntities } from '../../lib/restate/entities';

const seeds = readSeeds();
const dataset = readJson(CLAIMS_FILE) as Dataset;
const errorsOf = (d: unknown): string[] => validateDataset(d, seeds).errors.map(formatIssue);
const warningsOf = (d: unknown): string[] => validateDataset(d, seeds).warnings.map(formatIssue);

describe('stories', () => {
  it('the committed dataset has the two stories, each with people, a window and key claims of its sources', () => {
    expect(dataset.stories?.map((s) => s.id)).toEqual(['story-wu-leaves-xai', 'story-lecun-xai-failure']);
    const wu = dataset.stories![0]!;
    expect(wu.people).toEqual(['tony-wu']);
    expect(wu.eventOn.date).toBe('2026-02-10');
    const lecun = dataset.stories![1]!;
    // The interview is not dated; the window bounds the reports of it, not the interview.
    expect(lecun.eventOn.date).toBeNull();
    expect(lecun.eventOn.bounds).toBeUndefined();
    expect(lecun.window.after).toBe('2026-03-31');
    expect(errorsOf(dataset)).toEqual([]);
  });

  it('names the record and field of each problem', () => {
    const d = copy(dataset);
    const s = d.stories![0]!;
    s.people = ['tony-wu', 'xai', 'nobody'];
    s.claims = [...s.claims, 's003-lecun-failure', 'no-such-claim'];
    s.sources = ['s000', 'nowhere'];
    s.window = { after: '2026-03-01' };
    const errors = errorsOf(d);
    expect(errors).toContain('story story-wu-leaves-xai: people[1] "xai" is a organization, not a person');
    expect(errors).toContain('story story-wu-leaves-xai: people[2] "nobody" does not resolve to an entity');
    expect(errors).toContain('story story-wu-leaves-xai: sources[1] "nowhere" does not resolve to a source');
    expect(errors).toContain('story story-wu-leaves-xai: claims[9] "s003-lecun-failure" is not a claim of the story\'s sources (s000)');
    expect(errors).toContain('story story-wu-leaves-xai: claims[10] "no-such-claim" does not resolve to a claim');
    expect(errors).toContain('story story-wu-leaves-xai: window.after (2026-03-01) must be earlier than eventOn.date (2026-02-10)');
  });

  it('requires the event text to name the story’s people in both languages, by a name or alias', () => {
    const d = copy(dataset);
    d.stories![0]!.event.en = 'An xAI co-founder announced he is leaving the company.';
    expect(errorsOf(d)).toContain('story story-wu-leaves-xai: event.en does not name "tony-wu" by any of its names or aliases');
  });

  it('a source belongs to one story; ids are unique across the dataset; unknown fields are refused', () => {
    const d = copy(dataset);
    d.stories![1]!.sources = ['s003', 's000'];
    d.stories![1]!.id = 's000';
    (d.stories![1] as unknown as Record<string, unknown>).extra = 1;
    const errors = errorsOf(d);
    expect(errors.some((e) => /sources\[1\] "s000" is already a source of story story-wu-leaves-xai/.test(e))).toBe(true);
    expect(errors.some((e) => /id is not unique \(also used by source s000\)/.test(e))).toBe(true);
    expect(errors.some((e) => /extra is not a known field/.test(e))).toBe(true);
  });
});

describe('aliases and aliasNotes', () => {
  it('readers’ spellings that no seed contains carry a note; without one they warn', () => {
    const wu = dataset.entities.find((e) => e.id === 'tony-wu')!;
    expect(wu.aliases).toEqual(expect.arrayContaining(['トニー・ウー', '吴宇怀', 'Yuhuai "Tony" Wu', 'Yuhuai Wu']));
    expect(warningsOf(dataset)).toEqual([]);
    const d = copy(dataset);
    delete d.aliasNotes!['tony-wu']!['トニー・ウー'];
    expect(warningsOf(d)).toContain('entity tony-wu: aliases[4] "トニー・ウー" does not occur in any seed and has no aliasNotes entry');
  });

  it('a page that spells a name as coverage does names that entity (the built index, as the tier reads pages)', () => {
    const entities = bundledIndex().restate!.entities;
    const named = (text: string): string[] => [...findEntities(text, entities).keys()].sort();
    expect(named('xAI共同創設者の呉宇懐氏が退社した。')).toEqual(['tony-wu', 'xai']);
    expect(named('Igor Babushkin left xAI in 2025; Babushkin now runs a fund.')).toEqual(['igor-babuschkin', 'xai']);
    expect(named('グーグル・ディープマインドやディープマインド出身の研究者。')).toEqual(['google-deepmind']);
    // Not a name: a word that merely contains one.
    expect(named('Babushkins and matryoshkas.')).toEqual([]);
  });

  it('a note must be about an alias of that entity, and no alias may name two entities', () => {
    const d = copy(dataset);
    d.aliasNotes!['tony-wu']!['Tony W.'] = 'not an alias';
    d.aliasNotes!['nobody'] = { x: 'y' };
    d.entities.find((e) => e.id === 'yann-lecun')!.aliases.push('Wu');
    const errors = errorsOf(d);
    expect(errors).toContain('aliasNotes tony-wu: "Tony W." is not an alias of entity tony-wu');
    expect(errors).toContain('aliasNotes nobody: "nobody" does not resolve to an entity');
    expect(errors.some((e) => /entity yann-lecun: aliases\[\d+\] "Wu" is also an alias of entity tony-wu/.test(e))).toBe(true);
  });
});
