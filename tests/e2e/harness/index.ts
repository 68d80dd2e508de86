import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, FIREFOX_PATH, browserAvailable } from './browsers';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtensionSession } from './types';

export { startServer } from './server';
export type { E2EPage, ExtensionSession, BrowserName } from './types';

export interface BrowserTarget {
  name: BrowserName;
  available: boolean;
  launch(options?: LaunchOptions): Promise<ExtensionSession>;
  /** The build output this browser loads by default. */
  buildDir: string;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** Keep the profile here (the caller removes it): relaunching on it is a browser restart. */
  userDataDir?: string;
  /** Load the extension from this directory instead of the build output (e.g. an "updated" copy). */
  extensionDir?: string;
}

/** Both real browsers, each with the matching build output. */
export const browsers: BrowserTarget[] = [
  {
    name: 'chromium',
    available: browserAvailable(CHROMIUM_PATH),
    buildDir: resolve('.output/chrome-mv3'),
    launch: (o) => launchChromium(o?.extensionDir, o),
  },
  {
    name: 'firefox',
    available: browserAvailable(FIREFOX_PATH),
    buildDir: resolve('.output/firefox-mv3'),
    launch: (o) => launchFirefox(o?.extensionDir, o),
  },
];

/** Screenshots and other artifacts go to a git-ignored folder. */
export function artifactPath(name: string): string {
  const dir = resolve('test-artifacts/e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** Reads the badge's text from inside its shadow root, or null when there is no badge. */
export const readBadge = (): string | null => {
  const host = document.querySelector('counterpoint-badge');
  const badge = host?.shadowRoot?.querySelector('[data-testid="cp-badge"]');
  return badge ? (badge.textContent ?? '') : null;
};
