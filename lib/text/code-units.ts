/**
 * Text as UTF-16 code units (`Uint16Array`), the form the matcher reads: typed-array reads cost
 * about half of `charCodeAt` in its loops, and decoding a whole page back to a string costs
 * Chromium ~1.5 µs per 1,000 characters, so the engine decodes only the stretches a step needs.
 */

/** UTF-16LE code units → string (every JS engine and Node run little-endian typed arrays in practice). */
const UTF16 = new TextDecoder('utf-16le');

/**
 * UTF-16 code units → string. Costs Chromium ~1.5 µs per 1,000 units (TextDecoder), more than the
 * prefilter's whole scan of a short page: the engine decodes only what a step needs.
 */
export function decodeUnits(codes: Uint16Array): string {
  return UTF16.decode(codes);
}

/**
 * codes[from, to) as a string, for short stretches (context strings, ~14–32 units). Why not
 * `decodeUnits`: in Node 20, 14 units cost 0.10 µs here and 0.13 µs through TextDecoder; from ~32
 * units on TextDecoder is as fast or faster (200 units: 0.27 against 0.56 µs).
 */
export function unitsToString(codes: Uint16Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);
}

/** UTF-16 code units of a string (for callers that have no `Normalized.codes`). */
export function unitsOf(text: string): Uint16Array {
  const u = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) u[i] = text.charCodeAt(i);
  return u;
}

/** Whether `codes` holds `s` at `at`. */
export function unitsHold(codes: Uint16Array, at: number, s: string): boolean {
  const m = s.length;
  if (at < 0 || at + m > codes.length) return false;
  for (let i = 0; i < m; i++) if (codes[at + i] !== s.charCodeAt(i)) return false;
  return true;
}
