import { PAGE_GATE_PARTS } from '../generated/claims-gate';
import { forgetLastMatch, passesGateParts } from '../match/gate';

/**
 * The first look's second question (lib/page/first-look.ts), asked on pages that look like an
 * article (`looksLikeArticle`, lib/detect/looks-like-article.ts): may the page carry a claim? The
 * gate over the body's whole text, without article detection: the body's text holds the article's,
 * so a body that fails the gate has an article that fails it too. The gate cut by piece
 * (`passesGateParts`): a few substring searches, then only the small expression of a piece that
 * occurs (on most pages none, or a common word such as "meta" in "metal": the whole gate's ~60
 * alternatives are never compiled here). A body that passes may still name them only in its
 * navigation or comments: the first stage's full check (`mayHaveClaims`) decides then.
 */
export function bodyPassesGate(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  try {
    return passesGateParts(body.textContent ?? '', PAGE_GATE_PARTS);
  } finally {
    forgetLastMatch();
  }
}
