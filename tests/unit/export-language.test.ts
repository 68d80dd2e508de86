import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/export/language';

describe('detectLanguage (body language for the export)', () => {
  it.each([
    ['この主張は要確認', 'ja'],
    ['要確認', 'ja'],
    ['LeCunの発言、CNBCで確認', 'ja'],
    ['Check this against the CNBC piece', 'en'],
    ['Not what he said.', 'en'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each(['voir aussi la source', 'siehe oben', 'OK', '12:30', '!!!', ''])('claims nothing for %j', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});
