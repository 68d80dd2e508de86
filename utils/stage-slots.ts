/**
 * Where the content script's parts meet: the first look (entrypoints/content-script/), the first
 * stage (entrypoints/content-first-stage/) and the second stage (entrypoints/content-stage-two/)
 * run in the same isolated world (Chromium) / content-script sandbox (Firefox) of the page, which
 * page script cannot reach, and each claims one property of that world's global object: so a part
 * evaluated again (the browser or the background injecting it twice) knows and does nothing.
 */

/** The first stage's file, as built: injected by the background, or by an extension page that asks the tab. */
export const FIRST_STAGE_FILE = '/content-first-stage.js';
/** The second stage's file, as built: injected by the background. */
export const SECOND_STAGE_FILE = '/content-stage-two.js';

const FIRST_LOOK = '__counterpointFirstLook';
const FIRST = '__counterpointFirstStage';
export const SECOND_STAGE_SLOT = '__counterpointSecondStage';

export function worldSlot<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<string, T | undefined>)[name];
}

export function claimWorldSlot(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, enumerable: false, configurable: true, writable: false });
}

/** The first look: true the first time in this world, false if it already looks here. */
export function claimFirstLook(): boolean {
  if (worldSlot(FIRST_LOOK)) return false;
  claimWorldSlot(FIRST_LOOK, true);
  return true;
}

/** The first look: records that it asked for the first stage (`overlay:stats` reports it). */
export function markFirstLookAsked(): void {
  claimWorldSlot(FIRST_LOOK, 'asked');
}

/** Whether the first look in this world asked for the first stage. */
export function firstLookAsked(): boolean {
  return worldSlot(FIRST_LOOK) === 'asked';
}

/**
 * First stage: true the first time in this world, false if a copy already runs here (injected
 * again, by the first look's request and by an extension page's at once): the second copy must do
 * nothing.
 */
export function claimFirstStage(): boolean {
  if (worldSlot(FIRST)) return false;
  claimWorldSlot(FIRST, true);
  return true;
}

/** Whether the first stage runs in this world. */
export function firstStageRuns(): boolean {
  return worldSlot(FIRST) === true;
}
