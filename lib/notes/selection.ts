/**
 * The reader's text selection on the page, for starting a note: the selection as a range, unless it
 * is empty, inside Counterpoint's own UI or inside a form field (whose text is not the page's).
 * Read only when the reader asks for a note (context menu, shortcut, side panel); Counterpoint does
 * not watch the selection, so selecting text changes nothing the page could see.
 */
export function selectionRange(doc: Document, isOurs: (el: Element) => boolean): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const el = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (!el || !doc.body?.contains(el)) return null;
  for (let e: Element | null = el; e; e = e.parentElement) if (isOurs(e)) return null;
  if (el.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return null;
  return range.toString().trim() ? range.cloneRange() : null;
}
