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
