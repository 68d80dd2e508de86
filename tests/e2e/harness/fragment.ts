import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, FIREFOX_PATH } from './browsers';
import type { BrowserName } from './types';

/**
 * Whether a text-fragment link opened its page scrolled to and highlighted at its passage, judged
 * by pixels: the page paints `::target-text` (what both browsers style the text a fragment matched
 * with) in pure magenta (`TARGET_TEXT_CSS`: in the page itself, or added by `paintTargetText`); a
 * screenshot is decoded in a browser page (canvas) and its magenta pixels counted per row; they must
 * lie on the passage's rectangles, which must be in the viewport.
 */

export type Box = { top: number; bottom: number; left: number; right: number };
export type Shot = { png: Buffer; rects: Record<string, Box>; scrollY: number };

export const TARGET_TEXT_CSS = '::target-text { background-color: rgb(255, 0, 255); color: rgb(255, 0, 255); }';

/** Adds `TARGET_TEXT_CSS` to a page that was not written with it (runs in the page: self-contained). */
export const paintTargetText = (css: string): void => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
};

/** Layout boxes of elements by id (runs in the page: self-contained). */
export const boxesById = (ids: string[]): Record<string, Box> => {
  const out: Record<string, Box> = {};
  for (const id of ids) {
    const r = document.getElementById(id)!.getBoundingClientRect();
    out[id] = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }
  return out;
};

/**
 * The box of the first occurrence of `text` in the page's text nodes, under the key "passage"
 * (runs in the page: self-contained). `text` is matched against the text nodes' data joined in
 * document order, as `Range.toString()` gives it, so a passage across inline elements is found.
 */
export const passageBox = (text: string): Record<string, Box> => {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let all = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(all.length);
    all += (n as Text).data;
  }
  const at = all.indexOf(text);
  if (at < 0) return {};
  const locate = (offset: number): [Text, number] => {
    let i = 0;
    while (i + 1 < nodes.length && starts[i + 1]! <= offset) i++;
    return [nodes[i]!, offset - starts[i]!];
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + text.length));
  const r = range.getBoundingClientRect();
  return { passage: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
};

/** Per row of a PNG, how many pixels are (near) pure magenta. Runs in a browser page (any). */
export async function countMagentaRows(base64: string): Promise<number[]> {
  const img = new Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d')!;
  g.drawImage(img, 0, 0);
  const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i]! > 230 && data[i + 1]! < 30 && data[i + 2]! > 230) n++;
    }
    rows.push(n);
  }
  return rows;
}

/** Magenta pixels in the rows of `band`. */
export function magentaWithin(rows: number[], band: { top: number; bottom: number }): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(band.top)); y < Math.min(rows.length, Math.ceil(band.bottom)); y++) n += rows[y]!;
  return n;
}

/**
 * Waits until the scroll position has held still for a few polls (the browser scrolls to a
 * fragment after load, at a moment of its choosing); returns it.
 */
export async function settleScroll(scrollY: () => Promise<number>): Promise<number> {
  let last = -1;
  let still = 0;
  for (let i = 0; i < 100 && still < 5; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const y = await scrollY();
    still = y === last ? still + 1 : 0;
    last = y;
  }
  return last;
}

/** A browser without Counterpoint (what a reader's friend has), driving fresh tabs. */
export interface PlainBrowser {
  name: BrowserName;
  /**
   * Opens `url` in a fresh tab, waits until its scrolling settles, optionally adds `css` to the
   * page, and returns a screenshot of the viewport with the boxes `measure(arg)` gives in the page.
   */
  open<A>(url: string, measure: (arg: A) => Record<string, Box>, arg: A, css?: string): Promise<Shot>;
  /** Counts magenta pixels per row of a screenshot (decoded in this browser). */
  magentaRows(png: Buffer): Promise<number[]>;
  close(): Promise<void>;
}

export const PLAIN_VIEWPORT = { width: 900, height: 700 };

async function chromiumPlain(): Promise<PlainBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const context = await browser.newContext({ viewport: PLAIN_VIEWPORT });
  return {
    name: 'chromium',
    async open(url, measure, arg, css) {
      const p = await context.newPage();
      await p.goto(url, { waitUntil: 'load' });
      const scrollY = await settleScroll(() => p.evaluate(() => window.scrollY));
      if (css) await p.evaluate(paintTargetText, css);
      await new Promise((r) => setTimeout(r, 200));
      const shot = { png: await p.screenshot({ type: 'png' }), rects: (await p.evaluate(measure as never, arg)) as Record<string, Box>, scrollY };
      await p.close();
      return shot;
    },
    async magentaRows(png) {
      const p = await context.newPage();
      const rows = await p.evaluate(countMagentaRows, png.toString('base64'));
      await p.close();
      return rows;
    },
    close: () => browser.close(),
  };
}

async function firefoxPlain(): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'cp-ff-plain-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false },
  });
  return {
    name: 'firefox',
    async open(url, measure, arg, css) {
      const p = await browser.newPage();
      await p.setViewport(PLAIN_VIEWPORT);
      await p.goto(url, { waitUntil: 'load' });
      const scrollY = await settleScroll(() => p.evaluate(() => window.scrollY));
      if (css) await p.evaluate(paintTargetText, css);
      await new Promise((r) => setTimeout(r, 200));
      const shot = { png: Buffer.from(await p.screenshot({ type: 'png' })), rects: (await p.evaluate(measure as never, arg)) as Record<string, Box>, scrollY };
      await p.close();
      return shot;
    },
    async magentaRows(png) {
      const p = await browser.newPage();
      const rows = await p.evaluate(countMagentaRows, png.toString('base64'));
      await p.close();
      return rows;
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A browser of the same kind with no extension. */
export function launchPlain(name: BrowserName): Promise<PlainBrowser> {
  return name === 'chromium' ? chromiumPlain() : firefoxPlain();
}
