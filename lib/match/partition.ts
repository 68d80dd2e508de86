/**
 * Parts of a very large article, so the engine's per-character work (text model, normaliser,
 * prefilter) runs in bounded steps instead of one long task (a 2 MB page: ~150 ms in one go).
 *
 * A part is a run of consecutive child nodes of one element with at most `limit` characters of
 * text; a child larger than the limit is split the same way, recursively. A child that is a single
 * text node larger than the limit cannot be split and becomes a part of its own.
 *
 * Trade-off: a quote can only be found inside one part, and the context (prefix/suffix) of a quote
 * at a part's edge is cut. Parts end at element boundaries (paragraphs, list items), which quotes
 * rarely cross, and only pages far larger than any news article (see LARGE_PAGE_CHARS in
 * pipeline.ts) are partitioned; ordinary pages keep the single-pass path.
 */

export interface Part {
  /** The element whose children the part spans. */
  parent: Element;
  first: Node;
  last: Node;
  /** Characters of text in the part (textContent, before the text model's skipping). */
  chars: number;
}

const textLength = (node: Node): number => (node.nodeType === 1 || node.nodeType === 3 ? (node.textContent ?? '').length : 0);

export function partition(root: Element, limit: number, exclude: (el: Element) => boolean): Part[] {
  const parts: Part[] = [];
  const visit = (parent: Element): void => {
    let run: Part | null = null;
    const flush = (): void => {
      if (run) parts.push(run);
      run = null;
    };
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && exclude(child as Element)) continue;
      const len = textLength(child);
      if (len === 0) continue;
      if (len > limit && child.nodeType === 1) {
        flush();
        visit(child as Element);
        continue;
      }
      if (run && (run as Part).chars + len > limit) flush();
      if (!run) run = { parent, first: child, last: child, chars: 0 };
      run.last = child;
      run.chars += len;
    }
    flush();
  };
  visit(root);
  return parts;
}
