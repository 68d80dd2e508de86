import { PAGE_GATE_PIECES, pageGate } from '../generated/claims-gate';
import { forgetLastMatch, passesPageGate } from '../match/gate';

/**
 * The first look's second question (lib/page/first-look.ts), asked on pages that look like an
 * article (`looksLikeArticle`, lib/detect/looks-like-article.ts): may the page carry a claim? The gate over
 * the body's whole text, without article detection: the body's text holds the article's, so a body
 * that fails the gate has an article that fails it too (the gate's first look is a few substring
 * searches; the expression runs only when one occurs). A body that passes may still name them only
 * in its navigation or comments: the first stage's full check (`gatedArticle`) decides then.
 */
export function bodyPassesGate(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  try {
    return passesPageGate(body.textContent ?? '', pageGate, PAGE_GATE_PIECES);
  } finally {
    forgetLastMatch();
  }
}
