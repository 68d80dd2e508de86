import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox: we build MV3 for both browsers (see README "Why MV3 on Firefox").
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is explained in README "Permissions". IndexedDB needs none; the content
    // script's host access comes from its `matches`.
    //  - storage: per-site "overlay off" setting (browser.storage.local)
    //  - unlimitedStorage: the browser must not evict the reader's notes when the disk runs low
    //  - contextMenus: "Highlight & note" on a selection
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    // The content script is an unlisted script registered here, not WXT's `content` entrypoint: see
    // entrypoints/content-script/index.ts (WXT's content-script context is observable and forgeable by
    // page script). Its styles are inlined into its closed shadow root, so it needs no
    // web_accessible_resources: no extension file can be fetched, or probed for, by a page.
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
