/**
 * The one place the renderer touches `window.hearth`, which the preload (or the web host used by
 * browser tests) provides. Types come from core/api.ts and nothing else from core: the renderer
 * bundle carries no core code and holds no keys.
 */
import type { HearthApi } from '../../core/api.ts'

declare global {
  interface Window {
    hearth?: HearthApi
  }
}

/** The API, or null when the page was opened without a preload (for example straight in a browser). */
export function getApi(): HearthApi | null {
  const api = window.hearth
  return api && typeof api.profileStatus === 'function' && typeof api.on === 'function' ? api : null
}
