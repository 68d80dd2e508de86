/**
 * Check a parsed compiled index before use: a stale index (built by another normaliser or format
 * version) would silently match nothing, so it fails loudly instead.
 */

import { NORMALIZER_VERSION } from '../text/normalize';
import { INDEX_FORMAT, INDEX_VERSION, type CompiledIndex } from './format';

export function loadIndex(value: unknown): CompiledIndex {
  const v = value as Partial<CompiledIndex> | null;
  if (!v || v.format !== INDEX_FORMAT) {
    throw new Error('claims index: not a compiled index (run `npm run dataset:compile`)');
  }
  if (v.version !== INDEX_VERSION || v.normalizer !== NORMALIZER_VERSION) {
    throw new Error(
      `claims index: built with format ${v.version}/normalizer ${v.normalizer}, expected ${INDEX_VERSION}/${NORMALIZER_VERSION} (run \`npm run dataset:compile\`)`,
    );
  }
  return v as CompiledIndex;
}
