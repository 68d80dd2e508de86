/**
 * The restatement tier's compiled texts of a claim or a story's event in one language, for tests
 * that call verify.ts directly (restate-vetoes, restate-negation).
 */
import type { CompiledIndex } from '../../lib/index/format';
import type { CompiledDoc } from '../../lib/restate/format';

export function claimDoc(index: CompiledIndex, claimId: string, lang: 'ja' | 'en'): CompiledDoc {
  const c = index.claims.findIndex((x) => x.id === claimId);
  const d = index.restate!.docs.find((x) => x.owner === c && x.lang === lang);
  if (!d) throw new Error(`no ${lang} text of ${claimId}`);
  return d;
}

export function storyDoc(index: CompiledIndex, storyId: string, lang: 'ja' | 'en'): CompiledDoc {
  const r = index.restate!;
  const s = r.stories.findIndex((x) => x.id === storyId);
  if (s < 0) throw new Error(`no story ${storyId}`);
  return r.docs[r.stories[s]!.docs[lang === 'ja' ? 0 : 1]!]!;
}
