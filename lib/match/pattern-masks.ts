/**
 * Match masks of a pattern for the bit-vector algorithms (Myers 1999): for each distinct
 * character of the pattern, one 32-bit mask per block of 32 pattern rows, with bit i of block b
 * set where pattern row 32·b + i holds that character.
 *
 * Without a Map: `rows[c]` is 1 + the row of character c's masks in `masks` (0: c is not in the
 * pattern), one Int32 per block, so a text character costs one array read. Reset after each use
 * (only the pattern's characters are touched). Rows start at 1 and `masks[0]` is never written, so
 * a one-block scan may read `masks[rows[c]]` unchecked; with more blocks, row 0's other entries
 * may hold an earlier pattern's masks (the block count varies), so those scans test `rows[c] === 0`.
 *
 * Each algorithm module owns one of these as its scratch (they never share a search). The
 * 64K-entry row table is allocated on first use (128 KB, ~15 µs in Node): the content script loads
 * these modules on every page, and most pages never get this far.
 */
export class PatternMasks {
  private table: Uint16Array | null = null;
  /** The masks, row-major (`blocks` Int32 per row); replaced when it grows, so read it after `build`. */
  masks = new Int32Array(64);

  /** The row table (see above). */
  rows(): Uint16Array {
    return (this.table ??= new Uint16Array(1 << 16));
  }

  /** Fill the rows and masks for `pattern` (read right to left when `reverse`), in `blocks` blocks. */
  build(pattern: string, blocks: number, reverse: boolean): void {
    const rows = this.rows();
    const m = pattern.length;
    if (this.masks.length < (m + 1) * blocks) this.masks = new Int32Array(2 * (m + 1) * blocks);
    const masks = this.masks;
    let n = 0;
    for (let i = 0; i < m; i++) {
      const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
      let r = rows[c]!;
      if (r === 0) {
        r = rows[c] = ++n;
        // A loop, not masks.fill: blocks is 1–8 and a builtin call per distinct character cost more.
        for (let b = r * blocks, e = b + blocks; b < e; b++) masks[b] = 0;
      }
      masks[r * blocks + (i >>> 5)]! |= 1 << (i & 31);
    }
  }

  /** Reset the row table after a search with `pattern`. */
  clear(pattern: string): void {
    const rows = this.rows();
    for (let i = 0; i < pattern.length; i++) rows[pattern.charCodeAt(i)] = 0;
  }
}
