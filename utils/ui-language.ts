import { extensionApi } from './extension-api';
import type { Translate } from '../components/i18n';
import type { Lang } from '../lib/dataset/types';
import { formatMessage, type MessageTable } from '../lib/i18n/messages';
import { resolveUiLanguage, type UiLanguageSetting } from '../lib/settings/reader-settings';
import { onReaderSettingsChanged, readReaderSettings } from './reader-settings';

/**
 * Where a surface's string tables come from: the extension's pages bundle both (`utils/i18n.ts`,
 * answered at once); the content script asks the background for the one it needs
 * (`utils/content-ui-language.ts`), so its second stage does not carry both languages' strings.
 */
export type MessageSource = (lang: Lang) => MessageTable | Promise<MessageTable>;

/** The browser's UI language tag (`en-US`, `ja`…), or '' where the API is missing. */
function browserLanguage(): string {
  try {
    return extensionApi().i18n.getUILanguage();
  } catch {
    return '';
  }
}

/** The language a setting means in this browser. */
export function languageFor(setting: UiLanguageSetting): Lang {
  return resolveUiLanguage(setting, browserLanguage());
}

/**
 * One surface's UI language: the language the reader chose in the settings (`auto` = the
 * browser's), its translator, and word when the reader changes it (also in another tab).
 *
 *  - `load()` once before the first render: reads the setting (once per page; later calls share
 *    the first read) and has that language's table; then `translator()` and `lang()`
 *    answer in it. Until then they answer in the browser's language, from a table the source has
 *    at once (else keys).
 *  - `onChanged(cb)`: re-render with `translator()` (a new value per language, so views given it
 *    through `I18nContext` update) after the new language's table is in.
 *
 * A string missing from a table is looked up in English, then shows as its key: never blank.
 */
export class UiLanguage {
  private current: Lang = languageFor('auto');
  private reading: Promise<Lang> | null = null;
  private readonly tables = new Map<Lang, MessageTable>();
  private readonly arriving = new Map<Lang, Promise<void>>();
  private readonly translators: Record<Lang, Translate>;
  private readonly listeners = new Set<(lang: Lang) => void>();
  private stopWatching: (() => void) | null = null;
  private changes = 0;

  constructor(private readonly source: MessageSource) {
    this.translators = { en: this.forLanguage('en'), ja: this.forLanguage('ja') };
  }

  /** A translator for one language: its table, then English, then the key. */
  forLanguage(lang: Lang): Translate {
    const lookup = (l: Lang, key: string, substitutions?: string | string[]): string | null => {
      const table = this.table(l);
      return table ? formatMessage(table, key, substitutions) : null;
    };
    const t: Translate = (key, substitutions) => lookup(lang, key, substitutions) ?? lookup('en', key, substitutions) ?? key;
    t.lang = lang;
    return t;
  }

  /** The translator of the chosen language, as a value that changes when the language does. */
  translator(): Translate {
    return this.translators[this.current];
  }

  /** The chosen UI language (the browser's until `load()` has read the setting). */
  lang(): Lang {
    return this.current;
  }

  /** Reads the setting once per page and has its language's table; answers the chosen language. */
  load(): Promise<Lang> {
    this.reading ??= readReaderSettings().then(
      async (s) => {
        const lang = languageFor(s.uiLanguage);
        await this.have(lang);
        return (this.current = lang);
      },
      async () => {
        await this.have(this.current);
        return this.current;
      },
    );
    return this.reading;
  }

  /** Calls `cb` when the chosen language changes (its table in, `translator()` switched); returns an unsubscribe function. */
  onChanged(cb: (lang: Lang) => void): () => void {
    this.listeners.add(cb);
    this.stopWatching ??= onReaderSettingsChanged((s) => {
      const next = languageFor(s.uiLanguage);
      const change = ++this.changes;
      this.reading = this.have(next).then(() => {
        // A later change wins over this one, whichever table arrives first.
        if (change !== this.changes || next === this.current) return this.current;
        this.current = next;
        for (const listener of [...this.listeners]) listener(next);
        return next;
      });
    });
    return () => {
      this.listeners.delete(cb);
      if (this.listeners.size === 0) {
        this.stopWatching?.();
        this.stopWatching = null;
      }
    };
  }

  /** The table of `lang` if the source has it now (asked for it otherwise). */
  private table(lang: Lang): MessageTable | undefined {
    const known = this.tables.get(lang);
    if (known || this.arriving.has(lang)) return known;
    void this.have(lang);
    return this.tables.get(lang);
  }

  /** Settles once the table of `lang` is in, or could not be had (then keys show; asked again next time). */
  private have(lang: Lang): Promise<void> {
    if (this.tables.has(lang)) return Promise.resolve();
    let arriving = this.arriving.get(lang);
    if (arriving) return arriving;
    let table: MessageTable | Promise<MessageTable>;
    try {
      table = this.source(lang);
    } catch {
      return Promise.resolve();
    }
    if (!(table instanceof Promise)) {
      this.tables.set(lang, table);
      return Promise.resolve();
    }
    arriving = table.then(
      (t) => void this.tables.set(lang, t),
      (e: unknown) => console.warn('[Counterpoint] could not read the UI strings', e),
    ).finally(() => this.arriving.delete(lang));
    this.arriving.set(lang, arriving);
    return arriving;
  }
}
