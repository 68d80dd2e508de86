import { extensionApi } from './extension-api';

/**
 * The content script's reads of the extension's `storage.local`. Its first stage needs two items
 * on almost every page (the page-key set of lib/storage/page-keys.ts, and the sites where the
 * overlay is off): `prefetchStored` asks for both in one call at the start, and the first read of
 * each in the next second is answered from that; every other read asks again (the value may have
 * changed since: a read long after the start, say after an SPA navigation, must not see the
 * start's value).
 */
const FRESH_MS = 1000;
let prefetched: { keys: Set<string>; values: Promise<Record<string, unknown>>; at: number } | null = null;

export function prefetchStored(keys: readonly string[]): void {
  // Date, not performance: each web API a content script first touches costs its isolated world
  // that API's bindings (measured: the first stage's heap on a page where it does nothing).
  prefetched = { keys: new Set(keys), values: extensionApi().storage.local.get([...keys]), at: Date.now() };
}

export async function readStored(key: string): Promise<unknown> {
  if (prefetched && Date.now() - prefetched.at < FRESH_MS && prefetched.keys.delete(key)) return (await prefetched.values)[key];
  return (await extensionApi().storage.local.get(key))[key];
}
