/**
 * Whom a claim is about: the organisations and people its texts name (in either language), its
 * speaker aside. A passage or a copy on a page that names none of them restates nothing of the
 * claim, however alike the words (verify.ts for the second tier; find-claims.ts for the first).
 */
import type { CompiledIndex } from '../index/format';

const cache = new WeakMap<CompiledIndex, Map<number, readonly string[]>>();

/** The entity ids claim `c` is about (empty: a claim about no one but its speaker). */
export function claimAbout(index: CompiledIndex, c: number): readonly string[] {
  let m = cache.get(index);
  if (!m) {
    cache.set(index, (m = new Map()));
    for (const d of index.restate?.docs ?? []) {
      if (d.owner < 0) continue;
      const speaker = index.claims[d.owner]!.speakerId;
      m.set(d.owner, [...new Set([...(m.get(d.owner) ?? []), ...d.ents.filter((id) => id !== speaker)])]);
    }
  }
  return m.get(c) ?? [];
}
