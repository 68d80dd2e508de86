import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READER_SETTINGS,
  READER_SETTING_KEYS,
  parseReaderSettings,
  resolveUiLanguage,
} from '../../lib/settings/reader-settings';

describe('reader settings', () => {
  it('default to the browser language and the middle density', () => {
    expect(parseReaderSettings(undefined)).toEqual({ uiLanguage: 'auto', density: 'key', readingHistory: true });
    expect(parseReaderSettings({})).toEqual(DEFAULT_READER_SETTINGS);
  });

  it('read what was stored', () => {
    expect(parseReaderSettings({ [READER_SETTING_KEYS.uiLanguage]: 'ja', [READER_SETTING_KEYS.density]: 'contested' })).toEqual({
      uiLanguage: 'ja',
      density: 'contested',
      readingHistory: true,
    });
    expect(parseReaderSettings({ [READER_SETTING_KEYS.readingHistory]: false })).toEqual({ ...DEFAULT_READER_SETTINGS, readingHistory: false });
  });

  it('read anything invalid as the default, one setting at a time', () => {
    expect(parseReaderSettings({ uiLanguage: 'fr', highlightDensity: 'all' })).toEqual({ uiLanguage: 'auto', density: 'all', readingHistory: true });
    expect(parseReaderSettings({ uiLanguage: 'en', highlightDensity: 3, readingHistory: 'no' })).toEqual({ uiLanguage: 'en', density: 'key', readingHistory: true });
    expect(parseReaderSettings({ uiLanguage: ['ja'], highlightDensity: null })).toEqual(DEFAULT_READER_SETTINGS);
  });

  it('resolve auto from the browser language tag; an explicit choice wins', () => {
    expect(resolveUiLanguage('auto', 'ja')).toBe('ja');
    expect(resolveUiLanguage('auto', 'ja-JP')).toBe('ja');
    expect(resolveUiLanguage('auto', 'JA_jp')).toBe('ja');
    expect(resolveUiLanguage('auto', 'en-US')).toBe('en');
    expect(resolveUiLanguage('auto', 'fr')).toBe('en');
    expect(resolveUiLanguage('auto', 'jam')).toBe('en');
    expect(resolveUiLanguage('auto', '')).toBe('en');
    expect(resolveUiLanguage('auto', undefined)).toBe('en');
    expect(resolveUiLanguage('ja', 'en-US')).toBe('ja');
    expect(resolveUiLanguage('en', 'ja')).toBe('en');
  });
});
