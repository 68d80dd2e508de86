import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox: we build MV3 for both browsers (see README "Why MV3 on Firefox").
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // ASCII output (non-ASCII as \u escapes; Vite's default is UTF-8): one non-ASCII character makes
    // a whole script a two-byte string in the renderer, twice its size in memory, and the content
    // script's parts are evaluated in every page that loads them (README "What the content script
    // costs a page"; tests/e2e/build-output.e2e.ts checks the content script's parts: a character in a
    // regular-expression literal is not escaped, so their sources write \u escapes there).
    esbuild: { charset: 'ascii' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is explained in README "Permissions". IndexedDB needs none.
    //  - storage: per-site "overlay off" setting (browser.storage.local)
    //  - unlimitedStorage: the browser must not evict the reader's notes when the disk runs low
    //  - contextMenus: "Highlight & note" on a selection
    //  - scripting: the background injects the content script's second stage into the pages that
    //    need it (utils/inject-second-stage.ts)
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting'],
    // The same hosts as the content script's `matches`. Chromium lets `scripting.executeScript`
    // into a page only with host permission, which a content script's matches do not give
    // (measured in Chromium 156: "Cannot access contents of the page"); Firefox ESR 153 counts the
    // matches as host permissions already. Neither browser shows a new install warning for it
    // (README "Permissions": measured, and tested in tests/e2e/permissions.e2e.ts).
    host_permissions: ['http://*/*', 'https://*/*'],
    // The content script is an unlisted script registered here, not WXT's `content` entrypoint: see
    // entrypoints/content-script/index.ts (WXT's content-script context is observable and forgeable by
    // page script). It is the first stage; the second (content-stage-two.js) is injected by the
    // background, never listed here nor web-accessible. The overlay's styles are inlined into its
    // closed shadow root, so there are no web_accessible_resources: no extension file can be
    // fetched, or probed for, by a page.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-script.js'],
        run_at: 'document_idle',
      },
    ],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Rebindable in chrome://extensions/shortcuts and Firefox's add-on shortcut settings.
      'highlight-note': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandHighlight__',
      },
      // Next / previous claim on the page (utils/claim-commands.ts): a browser shortcut, so no page
      // shortcut or screen-reader key is taken over, and it works wherever the focus is.
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNextClaim__',
      },
      'previous-claim': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPreviousClaim__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpoint@counterpoint.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
