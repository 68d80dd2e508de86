import { describe, expect, it } from 'vitest';
import { plural, type Translate } from '../../components/i18n';
import { formatMessage, pluralCategory, pluralKey, type MessageTable } from '../../lib/i18n/messages';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translator } from '../helpers/locale';

const table: MessageTable = {
  hello: { message: 'Hello $NAME$, you have $Count$ notes.', placeholders: { name: { content: '$1' }, count: { content: '$2' } } },
  direct: { message: 'Direct $1 and $2, $$5 each.' },
  literal: { message: 'Costs $$3 and $UNKNOWN$.' },
  fixed: { message: 'From $SITE$', placeholders: { site: { content: 'example.org ($1)' } } },
};

describe('formatMessage (browser.i18n.getMessage semantics)', () => {
  it('fills named placeholders case-insensitively from $1…$9', () => {
    expect(formatMessage(table, 'hello', ['Ada', '3'])).toBe('Hello Ada, you have 3 notes.');
    expect(formatMessage(table, 'fixed', 'x')).toBe('From example.org (x)');
  });

  it('supports direct $n, $$ for a dollar sign, and leaves an unknown placeholder as written', () => {
    expect(formatMessage(table, 'direct', ['a', 'b'])).toBe('Direct a and b, $5 each.');
    expect(formatMessage(table, 'literal')).toBe('Costs $3 and $UNKNOWN$.');
  });

  it('empties a missing substitution, and never re-reads a substituted value', () => {
    expect(formatMessage(table, 'hello', 'Ada')).toBe('Hello Ada, you have  notes.');
    expect(formatMessage(table, 'hello', ['$2 $NAME$', '$$1'])).toBe('Hello $2 $NAME$, you have $$1 notes.');
  });

  it('answers null for a key the table does not have (also inherited object keys)', () => {
    expect(formatMessage(table, 'nope')).toBeNull();
    expect(formatMessage(table, 'constructor')).toBeNull();
    expect(formatMessage(table, 'toString')).toBeNull();
  });
});

describe('plurals', () => {
  it('English has a singular for 1 only; Japanese has one form', () => {
    expect([0, 1, 2, 21].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralCategory('ja', n))).toEqual(['other', 'other', 'other']);
    expect(pluralKey('en', 'noteOrphans', 1)).toBe('noteOrphansOne');
    expect(pluralKey('ja', 'noteOrphans', 1)).toBe('noteOrphans');
  });

  it('"1 saved highlight" / "2 saved highlights", and Japanese counters, with the real messages', () => {
    const tEn = translator(en as MessageTable, 'en');
    const tJa = translator(ja as MessageTable, 'ja');
    expect(plural(tEn, 'noteOrphans', 1)).toMatch(/^1 saved highlight was not found/);
    expect(plural(tEn, 'noteOrphans', 2)).toMatch(/^2 saved highlights were not found/);
    expect(plural(tEn, 'popupExported', 1)).toBe('Exported 1 note.');
    expect(plural(tEn, 'popupExported', 3)).toBe('Exported 3 notes.');
    expect(plural(tJa, 'popupExported', 1)).toBe('1 件のメモを書き出しました。');
    expect(plural(tJa, 'noteOrphans', 2)).toContain('2 件');
  });

  it('falls back to the general form when a translator has no singular for the key', () => {
    const t: Translate = (key, subs) => (key === 'items' ? `${String(subs)} items` : key);
    expect(plural(t, 'items', 1)).toBe('1 items');
  });
});

describe('the bundled locales', () => {
  const keys = (m: object) => Object.keys(m).sort();
  const placeholders = (m: MessageTable, k: string) => Object.keys(m[k]?.placeholders ?? {}).sort();

  it('have the same messages with the same placeholders (singular forms are English only)', () => {
    const singular = (m: object) => (k: string) => k.endsWith('One') && k.slice(0, -3) in m;
    const enKeys = keys(en).filter((k) => !singular(en)(k));
    expect(keys(ja).filter((k) => !singular(ja)(k))).toEqual(enKeys);
    // Japanese has no singular forms of its own; one it lists must say what its general form says for 1.
    for (const k of keys(ja).filter(singular(ja))) expect((ja as MessageTable)[k]!.message, k).toBe(formatMessage(ja as MessageTable, k.slice(0, -3), '1'));
    for (const k of enKeys) expect(placeholders(ja as MessageTable, k), k).toEqual(placeholders(en as MessageTable, k));
  });

  it('give every singular form the placeholders of its general form', () => {
    const singulars = keys(en).filter((k) => k.endsWith('One') && k.slice(0, -3) in en);
    expect(singulars.length).toBeGreaterThan(2);
    for (const k of singulars) {
      const general = (en as MessageTable)[k.slice(0, -3)]!.message;
      const uses = (en as MessageTable)[k]!.message;
      // A singular either spells out "1" or takes the count like the general form does.
      expect(uses.includes('1') || /\$[A-Z]+\$/.test(uses), k).toBe(true);
      expect(general, k).toMatch(/\$[A-Z]+\$/);
    }
  });
});
