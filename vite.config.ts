/**
 * Renderer build: renderer/ → dist/renderer, loaded by Electron from file:// (electron/paths.ts).
 *
 * The output is a classic deferred script and a plain stylesheet, not a module script. Electron
 * is packaged with the GrantFileProtocolExtraPrivileges fuse off (electron-builder.yml), which
 * makes file:// behave as in a browser, where module scripts and `crossorigin` fetches from
 * file:// fail CORS. A classic IIFE bundle has no such request. Nothing is inlined (no inline
 * script or style, no data: fonts), so the page works under the CSP in renderer/index.html.
 */
import path from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig, type Plugin } from 'vite'

const ROOT = import.meta.dirname

/** Rewrites Vite's `<script type="module" crossorigin>` to `<script defer>` and drops crossorigin from links. */
export function classicScripts(): Plugin {
  return {
    name: 'hearth:classic-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script\b([^>]*)>/g, (_tag, attrs: string) => {
            const rest = attrs.replace(/\s+type="module"/, '').replace(/\s+crossorigin(="[^"]*")?/, '')
            return `<script defer${rest}>`
          })
          .replace(/<link\b([^>]*)>/g, (_tag, attrs: string) => `<link${attrs.replace(/\s+crossorigin(="[^"]*")?/, '')}>`),
    },
  }
}

export default defineConfig({
  root: path.join(ROOT, 'renderer'),
  base: './',
  plugins: [svelte(), classicScripts()],
  build: {
    outDir: path.join(ROOT, 'dist', 'renderer'),
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rolldownOptions: { output: { format: 'iife' } },
  },
})
