// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The background's answer to `content:second-stage`, as the test wants it.
const requests: unknown[] = [];
let onRequest: () => { ok: boolean; error?: string } = () => ({ ok: true });
vi.mock('../../utils/messaging', () => ({
  sendRequest: async (r: unknown) => {
    requests.push(r);
    await Promise.resolve();
    return onRequest();
  },
}));

const { registerSecondStage, secondStageLoader, secondStageRuns } = await import('../../utils/second-stage');
const { claimFirstStage } = await import('../../utils/stage-slots');
import type { FirstStageHost, SecondStage } from '../../utils/second-stage';

const SLOTS = ['__counterpointFirstStage', '__counterpointSecondStage'];
const host: FirstStageHost = { measure: () => undefined, refreshOverlay: () => undefined, claimAt: () => false, annotator: async () => null };
const stage = (): SecondStage => ({
  openOverlay: async () => {
    throw new Error('not here');
  },
  pageNotes: () => {
    throw new Error('not here');
  },
  linkTarget: async () => [],
  disconnect: () => undefined,
});

beforeEach(() => {
  requests.length = 0;
  for (const s of SLOTS) delete (globalThis as Record<string, unknown>)[s];
});
afterEach(() => {
  for (const s of SLOTS) delete (globalThis as Record<string, unknown>)[s];
});

describe('the content script’s stages', () => {
  it('the first stage runs once per world', () => {
    expect(claimFirstStage()).toBe(true);
    expect(claimFirstStage()).toBe(false);
    expect(Object.keys(globalThis)).not.toContain('__counterpointFirstStage'); // not enumerable
  });

  it('asks the background once, and starts the second stage it injected', async () => {
    const start = vi.fn((h: FirstStageHost) => (void h, stage()));
    onRequest = () => {
      registerSecondStage(start); // what the injected file does
      return { ok: true };
    };
    const loader = secondStageLoader(host);
    expect(loader.current()).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(await loader.load()).toBe(a);
    expect(loader.current()).toBe(a);
    expect(requests).toEqual([{ type: 'content:second-stage' }]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(start.mock.calls[0]![0]).toBe(host);
    expect(secondStageRuns()).toBe(1);
  });

  it('a second evaluation of the second stage changes nothing but the count', async () => {
    const first = vi.fn(() => stage());
    const second = vi.fn(() => stage());
    registerSecondStage(first);
    registerSecondStage(second);
    expect(secondStageRuns()).toBe(2);
    const loader = secondStageLoader(host);
    await loader.load();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(requests).toEqual([]); // already in this world: nothing asked
  });

  it('a refused injection is forgotten: the next use asks again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onRequest = () => ({ ok: false, error: 'Cannot access contents of the page' });
    const loader = secondStageLoader(host);
    expect(await loader.load()).toBeNull();
    // An answer without the registration (the file did not run): also null, not a throw.
    onRequest = () => ({ ok: true });
    expect(await loader.load()).toBeNull();
    onRequest = () => {
      registerSecondStage(() => stage());
      return { ok: true };
    };
    expect(await loader.load()).not.toBeNull();
    expect(requests).toHaveLength(3);
    warn.mockRestore();
  });
});

