/**
 * The install warnings of the built extension, in both browsers (issue #17): injecting the content
 * script's second stage with `scripting.executeScript` needs the `scripting` permission and, in
 * Chromium, host permission for the page (`host_permissions`, the same hosts as the content
 * script's `matches`). Neither may add a warning to what the content script already implies.
 *
 *  - Chromium: `management.getPermissionWarningsByManifest` (callable without the `management`
 *    permission) gives the install dialog's warnings for a manifest: the built one, and the built
 *    one without `scripting` and `host_permissions` (what the content script alone implies), must
 *    warn alike. A control manifest with `bookmarks` shows the call does report an added warning.
 *  - Firefox: the add-on manager's view of the installed add-on (its required permissions and
 *    optional origins, what about:addons lists) and the install prompt's strings for them
 *    (`ExtensionData.formatPermissionStrings`), read in the browser's privileged scope: `scripting`
 *    brings no message, and the only origins are the content script's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type ExtensionSession } from './harness';

const chromium = browsers.find((b) => b.name === 'chromium')!;
const firefox = browsers.find((b) => b.name === 'firefox')!;

const manifestOf = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** The manifest as it would be without the second stage's needs. */
function withoutInjection(m: Record<string, unknown>): Record<string, unknown> {
  const { host_permissions: _hosts, ...rest } = m;
  return { ...rest, permissions: (m.permissions as string[]).filter((p) => p !== 'scripting') };
}

describe.skipIf(!chromium.available)('install warnings in chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await chromium.launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('scripting and host_permissions add no warning to the content script’s', async () => {
    const built = manifestOf(chromium.buildDir);
    expect(built.permissions).toContain('scripting');
    expect(built.host_permissions).toEqual((built.content_scripts as { matches: string[] }[])[0]!.matches);
    const page = await session.openExtensionPage('popup.html');
    const warnings = (await page.evaluate(
      async (manifests) => {
        type Api = { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const out: string[][] = [];
        for (const m of manifests) out.push(await api.management.getPermissionWarningsByManifest(JSON.stringify(m)));
        return out;
      },
      [built, withoutInjection(built), { ...built, permissions: [...(built.permissions as string[]), 'bookmarks'] }],
    )) as string[][];
    const [withIt, without, control] = warnings;
    console.log(`[permissions] chromium: ${JSON.stringify(withIt)}`);
    expect(withIt).toEqual(without);
    expect(withIt!.length).toBeGreaterThan(0); // the content script's own: all sites' data
    expect(control!.length).toBeGreaterThan(withIt!.length); // the call does see an added warning
    await page.close();
  });
});

describe.skipIf(!firefox.available)('install warnings in firefox', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await firefox.launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('scripting adds no message; the only origins are the content script’s', async () => {
    const built = manifestOf(firefox.buildDir);
    const matches = (built.content_scripts as { matches: string[] }[])[0]!.matches;
    const seen = await session.inBrowserScope!<{
      required: string[];
      origins: string[];
      optional: string[];
      msgs: string[];
      msgsWithout: string[];
      optionalOrigins: Record<string, string>;
      granted: string[];
    }>(`(async () => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
      const addon = await AddonManager.getAddonByID(${JSON.stringify(session.extensionId)});
      const user = addon.userPermissions, optional = addon.optionalPermissions;
      const strings = (perms) => ExtensionData.formatPermissionStrings({ permissions: perms, optionalPermissions: optional, appName: 'Firefox' });
      const withIt = strings(user);
      const without = strings({ ...user, permissions: user.permissions.filter((p) => p !== 'scripting') });
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(session.extensionId)});
      return { required: user.permissions, origins: user.origins, optional: optional.origins, msgs: withIt.msgs, msgsWithout: without.msgs,
        optionalOrigins: withIt.optionalOrigins, granted: policy.allowedOrigins.patterns.map((p) => p.pattern) };
    })()`);
    console.log(`[permissions] firefox: ${JSON.stringify(seen)}`);
    expect(seen.required).toContain('scripting');
    expect(seen.msgs).toEqual(seen.msgsWithout);
    // Host access: the content script's matches, shown once, as the same optional origins.
    expect([...seen.origins, ...seen.optional].sort()).toEqual([...new Set([...seen.origins, ...seen.optional])].sort());
    for (const o of [...seen.origins, ...seen.optional]) expect(matches).toContain(o);
    // Granted to the installed add-on, so the injection works (the e2e suites show it does).
    for (const m of matches) expect(seen.granted).toContain(m);
  });
});
