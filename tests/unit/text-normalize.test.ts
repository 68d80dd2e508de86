import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap, toOriginalRange } from '../../lib/text/normalize';

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
