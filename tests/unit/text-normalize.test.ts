import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap, toOriginalRange } from '../../lib/text/normalize';
import { seededRandom } from '../helpers/random';

describe('normalize', () => {
  it('folds width, case, quotes, dashes, ellipses and spaces', () => {
    expect(normalize('Ｔｏｎｙ　Ｗｕ')).toBe('tony wu');
    expect(normalize('ｶﾞｰﾄﾞ')).toBe('ガード');
    expect(normalize('「失敗」『爆発』“x” ‘y’ "z" \'w\'')).toBe('"失敗""爆発""x" "y" "z" "w"');
    expect(normalize('long‐running — spat – x')).toBe('long-running - spat - x');
    expect(normalize('the … previous')).toBe('the ... previous');
    expect(normalize('a\u00a0\u00a0 b\n\tc')).toBe('a b c');
    expect(normalize('  XAI Is  ')).toBe('xai is');
  });

  it('drops spaces next to CJK characters (and so line breaks inside Japanese sentences)', () => {
    expect(normalize('AI の父')).toBe('AIの父'.toLowerCase());
    expect(normalize('担当しており、\n業界内で')).toBe('担当しており、業界内で');
    expect(normalize('Tony Wu が')).toBe('tony wuが');
  });

  it('maps every normalised character back to its source span', () => {
    const input = 'Ｘ ＡＩ「失敗」…';
    const n = normalizeWithMap(input);
    expect(n.text).toBe('x ai"失敗"...');
    expect(n.starts.length).toBe(n.text.length);
    const at = n.text.indexOf('失敗');
    const [s, e] = toOriginalRange(n, at, at + 2);
    expect(input.slice(s, e)).toBe('失敗');
    const dots = n.text.indexOf('...');
    expect(input.slice(...toOriginalRange(n, dots, dots + 3))).toBe('…');
  });

  it('is idempotent', () => {
    for (const s of ['Ｔｏｎｙ　Ｗｕ「x」', 'AI の父 … “quote”', 'ｶﾞ  b']) expect(normalize(normalize(s))).toBe(normalize(s));
  });
});

describe('normalize fast path', () => {
  it('agrees with NFKC + folds for every character it short-cuts', () => {
    // Each char alone and between two letters (the fast path depends on the next char).
    const chars: string[] = [];
    for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
    for (let c = 0xff01; c <= 0xff5e; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x2010; c <= 0x201f; c++) chars.push(String.fromCharCode(c));
    chars.push('\u00a0', '\u3000', '、', '。', 'ー', 'あ', 'ア', '漢', '「', '」', '『', '』');
    const slow = (ch: string): string => {
      const f = ch.normalize('NFKC');
      if (/^\s+$/.test(f)) return ' ';
      if (/^["'`\u2018-\u201f\u300c-\u300f\uff02\uff07]$/.test(f)) return '"';
      if (/^[\u2010-\u2015]$/.test(f)) return '-';
      return f.toLowerCase();
    };
    for (const ch of chars) {
      const want = slow(ch) === ' ' ? 'a b' : `a${slow(ch)}b`;
      const got = normalize(`a${ch}b`);
      expect(got, `U+${ch.charCodeAt(0).toString(16)}`).toBe(want);
    }
  });
});

describe('the fast path fold table', () => {
  it('folds every unit it lists exactly as NFKC and the per-character folds would', async () => {
    const { fastFolds, foldCharacter } = await import('../../lib/text/normalize');
    const table = fastFolds();
    expect(table.length).toBeGreaterThan(20000); // ASCII, full-width ASCII, kana, CJK ideographs, punctuation
    for (const [unit, fold] of table) {
      const nfkc = String.fromCharCode(unit).normalize('NFKC');
      if (fold === 'space') expect(nfkc, `U+${unit.toString(16)}`).toMatch(/^\s$/);
      else expect(foldCharacter(nfkc), `U+${unit.toString(16)}`).toBe(String.fromCharCode(fold));
    }
  });
});

describe('the engine scratch (bound fast loop)', () => {
  it('gives the same text and map as the generic loop, including when NFKC outgrows it', async () => {
    const { engineNormalizeScratch } = await import('../../lib/text/normalize');
    const rand = seededRandom(5);
    const pieces = ['a', 'B', ' ', '  ', '\n', 'の', '漢', '「', '」', '・', 'ｶﾞ', 'é', 'e\u0301', '…', '\ufdfa', 'Ｘ', '\u00a0', '—', '’', '㍻', '。'];
    const scratch = engineNormalizeScratch();
    for (let trial = 0; trial < 300; trial++) {
      let s = '';
      const len = Math.floor(rand() * 200);
      for (let k = 0; k < len; k++) s += pieces[Math.floor(rand() * pieces.length)];
      const generic = normalizeWithMap(s);
      const bound = normalizeWithMap(s, scratch);
      expect(bound.text, JSON.stringify(s)).toBe(generic.text);
      expect(Array.from(bound.starts)).toEqual(Array.from(generic.starts));
      expect(Array.from(bound.ends)).toEqual(Array.from(generic.ends));
    }
    // Text beyond its capacity, and a slow-path expansion near the end of it, take the generic loop.
    const long = 'word '.repeat(7000) + '\ufdfa'.repeat(50);
    expect(normalizeWithMap(long, scratch).text).toBe(normalizeWithMap(long).text);
    const nearFull = 'x'.repeat((1 << 15) - 40) + '\ufdfa'.repeat(10);
    expect(normalizeWithMap(nearFull, scratch).text).toBe(normalizeWithMap(nearFull).text);
  });
});
