/**
 * What a card shows of a claim beside the page's passage: who said it, when, where it was reported,
 * and the other coverage about it (relations). Read from the index, where the matching ran (the
 * background in the extension, one process in the CLI and the tests), so the page side needs no
 * index to draw a match.
 */

import type { CompiledIndex } from '../index/format';
import type { Annotation, AnnotationRelation, Speaker } from './types';

export type ClaimFacts = Pick<Annotation, 'speaker' | 'saidOn' | 'sourceId' | 'relations'>;

/** The speakers of `index` by id, each made once per reader (an entity of the restatement tier's when the first tier's speakers lack it). */
export function speakerReader(index: CompiledIndex): (id: string) => Speaker {
  const speakers = new Map<string, Speaker>();
  return (id) => {
    let v = speakers.get(id);
    if (!v) {
      const s = index.speakers[id];
      const e = s ? undefined : index.restate?.entities.find((x) => x.id === id);
      v = { id, name: s?.name ?? e?.name ?? { ja: id, en: id } };
      speakers.set(id, v);
    }
    return v;
  };
}

/** The facts of `index`'s claims by their number in `index.claims`. */
export function claimFactsReader(index: CompiledIndex, speaker = speakerReader(index)): (claim: number) => ClaimFacts {
  return (n) => {
    const claim = index.claims[n]!;
    return {
      speaker: speaker(claim.speakerId),
      saidOn: claim.saidOn,
      sourceId: claim.sourceId,
      relations: (claim.relations ?? []).map(([type, direction, other]): AnnotationRelation => {
        const o = index.claims[other]!;
        return { type, direction, claimId: o.id, speaker: speaker(o.speakerId), text: o.text ?? { ja: '', en: '' }, sourceId: o.sourceId };
      }),
    };
  };
}
