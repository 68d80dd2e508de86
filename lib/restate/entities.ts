/**
 * Which of the dataset's people, organisations and outlets a passage names, by their aliases
 * (data/claims.authoring.json: "トニー・ウー", "吴宇怀", "Yuhuai Wu", "LeCun", "マスク氏" …).
 *
 * One regular expression of every alias, longest first, run on the NFKC-folded passage (full-width
 * Latin, half-width katakana). Latin aliases need a word boundary on both sides ("Wu" is not in
 * "Wuhan"); katakana aliases need a non-katakana neighbour ("マスク" is not in "マスキング"); kanji
 * aliases need nothing (Japanese has no spaces). Quotation marks inside an alias (Yuhuai "Tony" Wu)
 * match any quotation mark. Run on candidate passages and claim texts only, never on a whole page.
 */

import type { CompiledEntity } from './format';

const QUOTE_CLASS = `["'\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f]`;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isKatakana = (ch: string): boolean => /[\u30a1-\u30fa\u30fc]/.test(ch);
const isLatin = (ch: string): boolean => /[A-Za-z0-9]/.test(ch);

/** Folded form of an alias or passage: NFKC, lower case, whitespace runs as one space. */
export function foldName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f']/g, '"');
}

function aliasPattern(alias: string): string {
  const a = foldName(alias).trim();
  let body = '';
  for (const ch of a) body += ch === '"' ? QUOTE_CLASS : ch === ' ' ? '\\s+' : escape(ch);
  const first = a[0]!;
  const last = a[a.length - 1]!;
  const before = isLatin(first) ? '(?<![a-z0-9])' : isKatakana(first) ? '(?<![\\u30a1-\\u30fa\\u30fc])' : '';
  const after = isLatin(last) ? '(?![a-z0-9])' : isKatakana(last) ? '(?![\\u30a1-\\u30fa\\u30fc])' : '';
  return `${before}${body}${after}`;
}

interface Finder {
  re: RegExp;
  byAlias: Map<string, string>;
}
const finders = new WeakMap<readonly CompiledEntity[], Finder>();

function finder(entities: readonly CompiledEntity[]): Finder {
  let f = finders.get(entities);
  if (f) return f;
  const byAlias = new Map<string, string>();
  for (const e of entities) {
    for (const a of e.aliases) {
      const k = foldName(a).trim();
      // Two characters of ASCII ("AI", "X") or one of anything name nothing reliably.
      if (k.length < 2 || (/^[\x00-\x7f]+$/.test(k) && k.length < 2)) continue;
      if (!byAlias.has(k)) byAlias.set(k, e.id);
    }
  }
  const sorted = [...byAlias.keys()].sort((a, b) => b.length - a.length);
  f = { re: new RegExp(sorted.map(aliasPattern).join('|') || '(?!)', 'g'), byAlias };
  finders.set(entities, f);
  return f;
}

/** Entity ids named in `text`, each with the spellings found (in order of first mention). */
export function findEntities(text: string, entities: readonly CompiledEntity[]): Map<string, string[]> {
  const f = finder(entities);
  const folded = foldName(text);
  const out = new Map<string, string[]>();
  f.re.lastIndex = 0;
  for (let m = f.re.exec(folded); m; m = f.re.exec(folded)) {
    const key = m[0].replace(/\s+/g, ' ').replace(/[\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f']/g, '"');
    const id = f.byAlias.get(key);
    if (!id) continue;
    const list = out.get(id) ?? [];
    if (!list.includes(m[0])) list.push(m[0]);
    out.set(id, list);
  }
  return out;
}

const byIds = new WeakMap<readonly CompiledEntity[], Map<string, RegExp>>();

/** Whether `text` names any of the entities `ids` (one regular expression of their aliases, cached). */
export function namesAny(text: string, entities: readonly CompiledEntity[], ids: readonly string[]): boolean {
  let cache = byIds.get(entities);
  if (!cache) byIds.set(entities, (cache = new Map()));
  const key = ids.join('|');
  let re = cache.get(key);
  if (!re) {
    const aliases = entities.filter((e) => ids.includes(e.id)).flatMap((e) => e.aliases.map((a) => foldName(a).trim()).filter((a) => a.length >= 2));
    re = new RegExp(aliases.sort((a, b) => b.length - a.length).map(aliasPattern).join('|') || '(?!)');
    cache.set(key, re);
  }
  return re.test(foldName(text));
}
