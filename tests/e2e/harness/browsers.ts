import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Whether a browser's e2e suite runs. Outside CI a missing browser skips its suite (a developer may
 * have only one); under CI=true a missing browser is a failure, never a silent skip.
 */
export function browserAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${path} is missing under CI=true: .ci/run must install it (apt-get install chromium firefox-esr)`);
  }
  console.warn(`[e2e] ${path} not found: skipping this browser's suite (it would fail under CI=true)`);
  return false;
}
