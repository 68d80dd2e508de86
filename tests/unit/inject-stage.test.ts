import { beforeEach, describe, expect, it, vi } from 'vitest';

// The part of the extension API the injector touches.
const calls: unknown[] = [];
let fail = false;
vi.mock('wxt/browser', () => ({
  browser: {
    scripting: {
      executeScript: async (o: unknown) => {
        calls.push(o);
        await Promise.resolve();
        if (fail) throw new Error('Cannot access contents of the page');
        return [{ result: undefined }];
      },
    },
  },
}));
const { stageInjector } = await import('../../utils/inject-stage');
const { FIRST_STAGE_FILE, SECOND_STAGE_FILE } = await import('../../utils/stage-slots');

const sender = (documentId?: string) => ({ kind: 'content-script' as const, tabId: 7, tabIndex: 0, url: 'https://a.example/x', ...(documentId ? { documentId } : {}) });

beforeEach(() => {
  calls.length = 0;
  fail = false;
});

describe('injecting the second stage (background)', () => {
  it('into the asking document, as the browser names it; else the tab’s top frame', async () => {
    const inject = stageInjector(SECOND_STAGE_FILE);
    await inject(sender('doc-1'));
    await inject(sender());
    expect(calls).toEqual([
      { target: { tabId: 7, documentIds: ['doc-1'] }, files: [SECOND_STAGE_FILE] },
      { target: { tabId: 7, frameIds: [0] }, files: [SECOND_STAGE_FILE] },
    ]);
  });

  it('once per document, however often and however concurrently it asks', async () => {
    const inject = stageInjector(SECOND_STAGE_FILE);
    await Promise.all([inject(sender('doc-1')), inject(sender('doc-1')), inject(sender('doc-1'))]);
    await inject(sender('doc-1'));
    await inject(sender('doc-2'));
    expect(calls).toHaveLength(2);
  });

  it('a refused injection rejects (the handler answers with the error) and may be retried', async () => {
    const inject = stageInjector(SECOND_STAGE_FILE);
    fail = true;
    await expect(inject(sender('doc-1'))).rejects.toThrow('Cannot access');
    fail = false;
    await inject(sender('doc-1'));
    expect(calls).toHaveLength(2);
  });
});

describe('injecting the first stage (background)', () => {
  it('keeps its own account: a document that has its second stage still gets its first, once', async () => {
    const second = stageInjector(SECOND_STAGE_FILE);
    const first = stageInjector(FIRST_STAGE_FILE);
    await second(sender('doc-1'));
    await Promise.all([first(sender('doc-1')), first(sender('doc-1'))]);
    expect(calls).toEqual([
      { target: { tabId: 7, documentIds: ['doc-1'] }, files: [SECOND_STAGE_FILE] },
      { target: { tabId: 7, documentIds: ['doc-1'] }, files: [FIRST_STAGE_FILE] },
    ]);
  });
});
