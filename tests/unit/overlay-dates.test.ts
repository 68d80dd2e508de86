import { describe, expect, it } from 'vitest';
import { dateSpan, formatDate, formatWhen, parseDate } from '../../lib/overlay/dates';

describe('overlay dates: never more precise than the data', () => {
  it('prints a day only for a full date with day precision', () => {
    expect(formatWhen({ date: '2026-02-10', precision: 'day' }, 'en')).toBe('10 February 2026');
    expect(formatWhen({ date: '2026-02-10', precision: 'day' }, 'ja')).toBe('2026年2月10日');
  });

  it('prints a month for month precision, even when the date string has a day', () => {
    expect(formatWhen({ date: '2026-02', precision: 'month' }, 'ja')).toBe('2026年2月');
    expect(formatWhen({ date: '2026-02', precision: 'month' }, 'en')).toBe('February 2026');
    expect(formatWhen({ date: '2026-02-10', precision: 'month' }, 'en')).toBe('February 2026');
  });

  it('does not invent a day when precision claims more than the date string has', () => {
    expect(formatWhen({ date: '2026-02', precision: 'day' }, 'en')).toBe('February 2026');
    expect(formatWhen({ date: '2026', precision: 'day' }, 'ja')).toBe('2026年');
    expect(formatDate('2026', 'month', 'en')).toBe('2026');
  });

  it('says the date is not stated, with the bounds the text gives (an exclusive "after" read as "on or after" the next day)', () => {
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { after: '2026-03-31' } }, 'en')).toBe(
      'date not stated; reported on or after 1 April 2026',
    );
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { after: '2026-03-31' } }, 'ja')).toBe(
      '日付の記載なし（2026年4月1日以降に報道）',
    );
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { after: '2026-02-09' } }, 'en')).toBe(
      'date not stated; reported on or after 10 February 2026',
    );
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { after: '2025-12' } }, 'en')).toBe(
      'date not stated; reported on or after January 2026',
    );
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { after: '2025-12-31', before: '2026-04-01' } }, 'en')).toBe(
      'date not stated; reported on or after 1 January 2026, before 1 April 2026',
    );
    expect(formatWhen({ date: null, precision: 'unknown', bounds: { before: '2026-05' } }, 'en')).toBe(
      'date not stated; reported before May 2026',
    );
    expect(formatWhen({ date: null, precision: 'unknown' }, 'en')).toBe('date not stated');
  });

  it('falls back to the article\'s date (or its bounds) when the statement has no bounds of its own', () => {
    expect(formatWhen({ date: null, precision: 'unknown' }, 'en', { date: '2026-04', precision: 'month' })).toBe(
      'date not stated; in an article of April 2026',
    );
    // An interview reported in an article from after 31 March: the interview is not dated by it.
    const article = { date: null, precision: 'unknown' as const, bounds: { after: '2026-03-31' } };
    expect(formatWhen({ date: null, precision: 'unknown' }, 'en', article)).toBe('date not stated; in an article from 1 April 2026 or later');
    expect(formatWhen({ date: null, precision: 'unknown' }, 'ja', article)).toBe('日付の記載なし（2026年4月1日以降の記事）');
  });

  it('ignores a date that is there but marked unknown, and malformed dates', () => {
    expect(formatWhen({ date: '2026-02-10', precision: 'unknown' }, 'en')).toBe('date not stated');
    expect(formatWhen({ date: '2026-13-01', precision: 'day' }, 'en')).toBe('date not stated');
    expect(formatWhen({ date: '2026-02-30', precision: 'day' }, 'en')).toBe('date not stated');
    expect(parseDate('10 Feb 2026')).toBeNull();
  });

  it('spans a partial date over the days it covers', () => {
    expect(dateSpan('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateSpan('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(dateSpan(null)).toBeNull();
  });

  it('never prints more date parts than the data has, over all precisions (property check)', () => {
    const dates = ['2026', '2026-02', '2026-02-10', null, 'garbage'];
    const precisions = ['day', 'month', 'year', 'unknown'] as const;
    const parts = (s: string): number => (s.match(/\d+/g) ?? []).length;
    for (const date of dates) {
      for (const precision of precisions) {
        const have = date && parseDate(date) ? date.split('-').length : 0;
        const allowed = Math.min(have, { day: 3, month: 2, year: 1, unknown: 0 }[precision]);
        const en = formatWhen({ date, precision }, 'en');
        const ja = formatWhen({ date, precision }, 'ja');
        expect(parts(ja), `${date} ${precision} ja`).toBe(allowed);
        if (allowed === 0) expect(en).toBe('date not stated');
        if (allowed === 2) expect(en).toMatch(/^[A-Z][a-z]+ \d{4}$/);
      }
    }
  });
});

describe("an article's own date (the source view's Published line)", () => {
  it('says the date, or the bound the text gives and that the article gives no date', async () => {
    const { formatPublished } = await import('../../lib/overlay/dates');
    expect(formatPublished({ date: '2026-02-10', precision: 'day' }, 'en')).toBe('10 February 2026');
    expect(formatPublished({ date: null, precision: 'unknown', bounds: { after: '2026-03-31' } }, 'en')).toBe('on or after 1 April 2026 (the article gives no date)');
    expect(formatPublished({ date: null, precision: 'unknown', bounds: { after: '2026-03-31' } }, 'ja')).toBe('2026年4月1日以降（記事に日付の記載なし）');
    expect(formatPublished({ date: null, precision: 'unknown' }, 'en')).toBe('not dated in the article');
  });
});
