/**
 * Dataset → compiled index (see `format.ts`). Pure: used by `scripts/compile-dataset.ts` at build
 * time, and by tests and the benchmark on in-memory datasets.
 *
 * Seed gram selection: each anchor is cut into up to `MAX_SEEDS` equal segments and the rarest
 * gram (fewest anchors containing it; grams with spaces, digits-only or punctuation are penalised)
 * is taken from each segment. Spreading seeds over the anchor keeps some of them intact when an
 * edited copy changes a word (recall); rare grams keep unrelated pages from waking the fuzzy
 * matcher (cost).
 */

import { gateTerm, isGateTerm } from '../match/gate';
import type { Claim, Dataset } from '../dataset/types';
import { NORMALIZER_VERSION, normalize } from '../text/normalize';
import { compileRestate } from '../restate/compile';
import { isCommonGram } from './common-grams';
import {
  GRAM_LENGTH,
  INDEX_FORMAT,
  INDEX_VERSION,
  type CompiledAnchor,
  type CompiledClaim,
  type CompiledIndex,
  type CompiledRelation,
  type CompiledSpeaker,
} from './format';

/** Seeds per anchor. More: better recall on heavily edited copies, bigger index. */
export const MAX_SEEDS = 8;
/** Anchors shorter than this (normalised) get no seeds and are never matched: too ambiguous. */
export const MIN_ANCHOR_CHARS = 6;
/** Context kept per side (normalised chars): enough to tell two occurrences apart and to veto a fuzzy match in foreign text; 32 (Hypothesis) costs ~6 KB gzipped more on the content script for little gain. */
const CONTEXT_CHARS = 20;

function gramPenalty(g: string): number {
  let p = 0;
  if (isCommonGram(g, g.length)) p += 3;
  if (g.includes(' ')) p += 2;
  if (/^[\d\s.,-]+$/.test(g)) p += 4;
  if (/["'()[\]{}、。,.:;!?!?・]/.test(g)) p += 1;
  return p;
}

function gramsOf(text: string, q: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + q <= text.length; i++) out.push(text.slice(i, i + q));
  return out;
}

function shortHash(s: string): string {
  // FNV-1a 32-bit: enough to tell dataset versions apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function compileIndex(dataset: Dataset, sourceText = JSON.stringify(dataset)): CompiledIndex {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));

  const speakers: Record<string, CompiledSpeaker> = {};
  const speakerOf = (id: string): CompiledSpeaker => {
    let s = speakers[id];
    if (!s) {
      const e = entities.get(id);
      const name = e?.name ?? { ja: id, en: id };
      const aliases = new Set<string>([normalize(name.ja), normalize(name.en)]);
      for (const a of e?.aliases ?? []) aliases.add(normalize(a));
      aliases.delete('');
      s = { id, name, aliases: [...aliases] };
      speakers[id] = s;
    }
    return s;
  };

  const claimIndex = new Map(dataset.claims.map((c, i) => [c.id, i]));
  const relationsOf = new Map<number, CompiledRelation[]>();
  const related = new Set<number>();
  const addRel = (claim: number, r: CompiledRelation): void => {
    const list = relationsOf.get(claim) ?? [];
    if (!list.some((x) => x[0] === r[0] && x[1] === r[1] && x[2] === r[2])) list.push(r);
    relationsOf.set(claim, list);
    related.add(r[2]);
  };
  for (const r of dataset.relations) {
    const from = claimIndex.get(r.from);
    const to = claimIndex.get(r.to);
    if (from === undefined || to === undefined) continue;
    addRel(from, [r.type, 'out', to]);
    addRel(to, [r.type, 'in', from]);
  }

  const claims: CompiledClaim[] = [];
  const anchors: CompiledAnchor[] = [];
  dataset.claims.forEach((claim: Claim, c: number) => {
    speakerOf(claim.speakerId);
    const { date, precision, bounds } = claim.saidOn;
    const compiled: CompiledClaim = {
      id: claim.id,
      speakerId: claim.speakerId,
      sourceId: claim.sourceId,
      saidOn: bounds ? { date, precision, bounds } : { date, precision },
    };
    if (related.has(c)) compiled.text = claim.text;
    const rels = relationsOf.get(c);
    if (rels) compiled.relations = rels;
    claims.push(compiled);
    const seen = new Set<string>();
    for (const a of claim.anchors) {
      const exact = normalize(a.exact);
      if (exact.length < MIN_ANCHOR_CHARS || seen.has(a.lang + exact)) continue;
      seen.add(a.lang + exact);
      const prefix = normalize(a.prefix);
      const suffix = normalize(a.suffix);
      anchors.push({
        c,
        lang: a.lang,
        kind: 'anchor',
        exact,
        prefix: prefix.slice(Math.max(0, prefix.length - CONTEXT_CHARS)),
        suffix: suffix.slice(0, CONTEXT_CHARS),
        g: [],
      });
    }
    // Fallback for English pages reporting a Japanese-only article: the claim's English text.
    const hasEn = claim.anchors.some((a) => a.lang === 'en');
    const en = normalize(claim.text.en ?? '');
    if (!hasEn && en.length >= 20) {
      anchors.push({ c, lang: 'en', kind: 'text', exact: en, prefix: '', suffix: '', g: [] });
    }
  });

  // Document frequency of each gram over all anchors.
  const df = new Map<string, number>();
  for (const a of anchors) {
    for (const g of new Set(gramsOf(a.exact, GRAM_LENGTH))) df.set(g, (df.get(g) ?? 0) + 1);
  }

  // Seeds: in each segment of the anchor, the gram of lowest cost (dataset frequency, gramPenalty).
  for (const a of anchors) {
    const m = a.exact.length;
    const positions = m - GRAM_LENGTH + 1;
    if (positions <= 0) continue;
    const segments = Math.max(1, Math.min(MAX_SEEDS, Math.floor(m / GRAM_LENGTH)));
    const chosen = new Set<string>();
    for (let s = 0; s < segments; s++) {
      const lo = Math.floor((s * positions) / segments);
      const hi = Math.floor(((s + 1) * positions) / segments);
      let best = -1;
      let bestCost = Infinity;
      for (let p = lo; p < hi; p++) {
        const g = a.exact.slice(p, p + GRAM_LENGTH);
        if (chosen.has(g)) continue;
        const cost = (df.get(g) ?? 1) + gramPenalty(g) * 1000;
        if (cost < bestCost) {
          bestCost = cost;
          best = p;
        }
      }
      if (best < 0) continue;
      const g = a.exact.slice(best, best + GRAM_LENGTH);
      chosen.add(g);
      a.g.push(best);
    }
  }

  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    normalizer: NORMALIZER_VERSION,
    datasetHash: shortHash(sourceText),
    speakers,
    claims,
    anchors,
    gate: gateTerms(dataset),
    restateGate: storyPeopleTerms(dataset),
    restate: compileRestate(dataset),
  };
}

/** The gate terms of the stories' people (see `CompiledIndex.restateGate`). */
function storyPeopleTerms(dataset: Dataset): string[] {
  const people = new Set((dataset.stories ?? []).flatMap((s) => s.people));
  const terms = new Set<string>();
  for (const e of dataset.entities) {
    if (!people.has(e.id)) continue;
    for (const t of [e.name.ja, e.name.en, ...e.aliases]) {
      const f = gateTerm(t);
      if (isGateTerm(f)) terms.add(f);
    }
  }
  return [...terms].sort();
}

/** Entity names and aliases, folded for the page gate; non-distinctive ones dropped. */
function gateTerms(dataset: Dataset): string[] {
  const terms = new Set<string>();
  for (const e of dataset.entities) {
    for (const t of [e.name.ja, e.name.en, ...e.aliases]) {
      const f = gateTerm(t);
      if (isGateTerm(f)) terms.add(f);
    }
  }
  return [...terms].sort();
}


