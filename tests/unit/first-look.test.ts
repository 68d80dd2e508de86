// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { looksLikeArticle } from '../../lib/detect/looks-like-article';
import { bodyPassesGate } from '../../lib/overlay/body-gate';
import { FirstLook, RELOOK_AT_MS, type FirstLookDeps } from '../../lib/page/first-look';

/** The first look with the real page checks and recorded extension calls. */
function look(opts: { notes?: boolean; alive?: () => boolean } = {}) {
  const calls = { started: 0, notesAsked: 0 };
  const deps: FirstLookDeps = {
    looksLikeArticle,
    bodyPassesGate,
    mayHaveNotes: async () => {
      calls.notesAsked++;
      return opts.notes ?? false;
    },
    startFirstStage: async () => {
      calls.started++;
      return true;
    },
    shouldContinue: opts.alive ?? (() => true),
  };
  const it = new FirstLook(document, window, deps);
  return { it, calls };
}

const ARTICLE_OTHER = '<article><h1>Harbour works</h1><p>The council approved the new breakwater on Tuesday after a long debate about cost.</p></article>';
const ARTICLE_STORY = '<article><h1>xAI</h1><p>Yann LeCun said the company was kind of a failure, according to an interview.</p></article>';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the first look (every page)', () => {
  it('a page that is not an article and has no notes: nothing is started, and it looks again only a few times', async () => {
    document.body.innerHTML = '<main><h2>Tides</h2><p>High water 06:12, low water 12:30.</p></main>';
    const { it: l, calls } = look();
    await vi.advanceTimersByTimeAsync(RELOOK_AT_MS[RELOOK_AT_MS.length - 1]! + 5_000);
    expect(calls.started).toBe(0);
    expect(calls.notesAsked).toBe(1); // notes are asked on the first look and after navigations only
    l.disconnect();
  });

  it('an article about something else: nothing is started (the gate over its text fails)', async () => {
    document.body.innerHTML = ARTICLE_OTHER;
    const { it: l, calls } = look();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.started).toBe(0);
    l.disconnect();
  });

  it('an article that names the story’s people: the first stage is asked for at once (after one yield), and the look stops', async () => {
    document.body.innerHTML = ARTICLE_STORY;
    const { calls } = look();
    expect(calls.started).toBe(0); // the gate reads the text in a task of its own
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.started).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.started).toBe(1);
  });

  it('a page whose article arrives late is seen at the next look', async () => {
    document.body.innerHTML = '<div id="app">Loading…</div>';
    const { calls } = look();
    await vi.advanceTimersByTimeAsync(RELOOK_AT_MS[0]! + 10);
    expect(calls.started).toBe(0);
    document.getElementById('app')!.innerHTML = ARTICLE_STORY;
    await vi.advanceTimersByTimeAsync(RELOOK_AT_MS[1]! - RELOOK_AT_MS[0]! + 10);
    expect(calls.started).toBe(1);
  });

  it('a page where the reader may have notes: the first stage is asked for, article or not', async () => {
    document.body.innerHTML = '<p>Just a page.</p>';
    const { calls } = look({ notes: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.started).toBe(1);
  });

  it('stops when the extension is gone or the first stage already runs here', async () => {
    document.body.innerHTML = '<p>Just a page.</p>';
    let alive = true;
    const { calls } = look({ alive: () => alive });
    await vi.advanceTimersByTimeAsync(10);
    alive = false;
    document.body.innerHTML = ARTICLE_STORY;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.started).toBe(0);
  });

  it('an SPA navigation looks again, notes included', async () => {
    document.body.innerHTML = '<p>Front page.</p>';
    const { it: l, calls } = look();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.notesAsked).toBe(1);
    history.pushState({}, '', '/weather');
    document.body.innerHTML = '<p>Another page.</p>';
    await vi.advanceTimersByTimeAsync(1_100); // the location watcher polls where the Navigation API is missing
    expect(calls.notesAsked).toBe(2);
    expect(calls.started).toBe(0);
    history.pushState({}, '', '/story/2');
    document.body.innerHTML = ARTICLE_STORY;
    await vi.advanceTimersByTimeAsync(1_100);
    expect(calls.started).toBe(1);
    l.disconnect();
  });
});
