// `npm run demo`: builds (done by the npm script), serves the bundled demo pages on 127.0.0.1 and opens
// Debian's Chromium with the extension loaded. With a display it opens a real window and stays up
// until Ctrl-C; without one it runs headless, writes screenshots (the articles with a card open, the
// side panel with the page's claims, the story view, the popup, the settings page in English and
// Japanese) and prints where they are.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../tests/e2e/harness/server';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { artifactPath, OVERLAY_HOST, tabIdOf } from '../tests/e2e/harness';

const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true';
const roots = ['tests/fixtures'];
const server = await startServer(roots);
// The seed articles in news-site markup (tests/fixtures/pages), an English translation of GeekPark's
// article in another site's words (the restatement tier: a reworded account, shown as one), and an
// unrelated article, on which nothing happens.
const pages = ['/pages/en-cnbc-lecun.html', '/pages/ja-geekpark-wu.html', '/pages/ja-digest-lecun.html', '/pages/restate-en-translation-geekpark.html', '/pages/neg-en-unrelated.html'];

if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No build in .output/chrome-mv3: run `npm run demo` (it builds first).');
  process.exit(2);
}
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('Chromium not found at /usr/bin/chromium (apt-get install chromium), or set CHROMIUM_PATH.');
  process.exit(2);
}

if (headed) {
  const { chromium } = await import('playwright-core');
  const ext = resolve('.output/chrome-mv3');
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-first-run', '--disable-background-networking'],
  });
  for (const p of pages) await (await ctx.newPage()).goto(server.url(p));
  console.log(`Demo pages on ${server.origin}${pages[0]}. Close the browser or press Ctrl-C to stop.`);
  ctx.on('close', () => void server.close().then(() => process.exit(0)));
} else {
  const session = await launchChromium();
  const shots: string[] = [];
  for (const p of pages) {
    const page = await session.openPage(server.url(p));
    // The overlay's UI is in a closed shadow root: read through the automation protocol (page.shadow).
    await page
      .waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-badge"]'), undefined, 10_000)
      .catch(() => console.warn(`no Counterpoint UI appeared on ${p}`));
    // Open the card of the first contested claim (or, where none is, one with another view; on a
    // page that restates the story, a restated passage with another view), as a reader would with
    // Tab + Enter.
    const opened = await page.shadow(OVERLAY_HOST, (root) => {
      const proxy =
        root?.querySelector<HTMLElement>('[data-testid="cp-proxy"][data-kind="quote"][data-status="contested"]') ??
        root?.querySelector<HTMLElement>('[data-testid="cp-proxy"][data-kind="quote"][data-status="other-view"]') ??
        root?.querySelector<HTMLElement>('[data-testid="cp-proxy"][data-kind="restated"][data-status="other-view"]') ??
        root?.querySelector<HTMLElement>('[data-testid="cp-proxy"][data-kind="restated"]');
      proxy?.focus();
      return !!proxy;
    });
    if (opened) {
      await page.press('Enter');
      await page
        .waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-card"]'), undefined, 5_000)
        .then(
          () => console.log(`opened a card on ${p}`),
          () => console.warn(`the card did not open on ${p}`),
        );
    }
    const file = artifactPath(`demo-${p.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`);
    await page.screenshot(file);
    shots.push(file);
  }
  const popup = await session.openExtensionPage('popup.html');
  await popup.waitFor(() => document.querySelector('[data-testid="note-count"]'), undefined, 10_000);
  // The side panel for the GeekPark article (opened as a tab bound to it: headless Chromium has no
  // side panel), with the page's claims listed, one of them chosen (the page scrolls to it).
  const article = server.url('/pages/ja-geekpark-wu.html');
  const tabId = await tabIdOf(popup, article);
  const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await panel
    .waitFor(() => document.querySelectorAll('[data-testid="panel-claim"]').length > 0, undefined, 15_000)
    .then(() => panel.evaluate(() => (document.querySelector('[data-testid="panel-claim"][data-status="other-view"]') as HTMLElement | null)?.click()))
    .catch(() => console.warn('the side panel listed no claims'));
  await new Promise((r) => setTimeout(r, 500));
  const panelShot = artifactPath('demo-sidepanel.png');
  await panel.screenshot(panelShot);
  shots.push(panelShot);
  // The story view (the pages above are in its reading history), at Tony Wu's departure.
  const story = await session.openExtensionPage('story.html?claim=s000-wu-leaves');
  await story.waitFor(() => document.querySelector('[data-testid="story-topic"]'), undefined, 15_000).catch(() => console.warn('the story view showed no topic'));
  const storyShot = artifactPath('demo-story.png');
  await story.screenshot(storyShot);
  shots.push(storyShot);
  await story.evaluate(() => window.scrollTo(0, 0));
  const storyTopShot = artifactPath('demo-story-top.png');
  await story.screenshot(storyTopShot);
  shots.push(storyTopShot);
  const popupShot = artifactPath('demo-popup.png');
  await popup.screenshot(popupShot);
  shots.push(popupShot);
  // The settings page, in English, then with 日本語 chosen (the popup follows).
  const settings = await session.openExtensionPage('options.html');
  await settings.waitFor(() => document.querySelector('[data-testid="settings"] h1'), undefined, 10_000);
  const settingsShot = artifactPath('demo-settings.png');
  await settings.screenshot(settingsShot);
  shots.push(settingsShot);
  await settings.evaluate(() => (document.querySelector('[data-testid="lang-ja"]') as HTMLElement).click());
  await settings.waitFor(() => document.documentElement.lang === 'ja', undefined, 10_000);
  const settingsJaShot = artifactPath('demo-settings-ja.png');
  await settings.screenshot(settingsJaShot);
  shots.push(settingsJaShot);
  await settings.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const settingsJaEndShot = artifactPath('demo-settings-ja-end.png');
  await settings.screenshot(settingsJaEndShot);
  shots.push(settingsJaEndShot);
  await popup.waitFor(() => document.documentElement.lang === 'ja', undefined, 10_000);
  const popupJaShot = artifactPath('demo-popup-ja.png');
  await popup.screenshot(popupJaShot);
  shots.push(popupJaShot);
  await session.close();
  await server.close();
  console.log('No display: ran headless. Screenshots:');
  for (const s of shots) console.log(`  ${s}`);
}
