/**
 * The main process's idle lock, behind the renderer's own (renderer/lib/idle-lock.ts).
 *
 * Why a second one: Chromium slows or stops timers in a hidden or minimised window, so a page
 * that nobody looks at may never notice it has been idle. The main process is not throttled and
 * asks the operating system how long there has been no input at all, so an unattended computer
 * locks Hearth even if the window sleeps. It reads the same personal setting the renderer writes
 * (personal doc "settings", `lockAfterMinutes`); when that cannot be read the default applies.
 */
import type { HearthApi, LockReason } from '../core/api.ts'

/** The renderer's bounds and default for `lockAfterMinutes` (renderer/lib/settings.svelte.ts). */
export const LOCK_MIN_MINUTES = 1
export const LOCK_MAX_MINUTES = 240
export const DEFAULT_LOCK_MINUTES = 5
/** How often to ask: the lock may come up to this much later than the setting says. */
export const CHECK_EVERY_MS = 20_000

type Service = Pick<HearthApi, 'profileStatus' | 'readPersonal' | 'lock'>

/** The limit in minutes from the stored settings text; anything unreadable or out of range → the default. */
export function lockMinutesOf(text: string | null): number {
  try {
    const v: unknown = text ? JSON.parse(text) : null
    const m = v && typeof v === 'object' ? (v as Record<string, unknown>).lockAfterMinutes : undefined
    if (typeof m === 'number' && Number.isInteger(m) && m >= LOCK_MIN_MINUTES && m <= LOCK_MAX_MINUTES) return m
  } catch {
    // A damaged settings doc must never stop the lock: the default stands in.
  }
  return DEFAULT_LOCK_MINUTES
}

/**
 * One check: locks when the profile is unlocked and the system has been idle for at least the
 * limit. `idleSeconds` is Electron's powerMonitor.getSystemIdleTime. Returns whether it locked.
 */
export async function checkIdle(service: Service, idleSeconds: () => number): Promise<boolean> {
  const status = await service.profileStatus({})
  if (!status.ok || !status.value.unlocked) return false
  const settings = await service.readPersonal({ name: 'settings' })
  const minutes = lockMinutesOf(settings.ok ? settings.value.text : null)
  if (idleSeconds() < minutes * 60) return false
  const reason: LockReason = 'idle'
  await service.lock({ reason })
  return true
}

/** Starts checking every CHECK_EVERY_MS; returns the stop function. */
export function startIdleBackstop(service: Service, idleSeconds: () => number): () => void {
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    checkIdle(service, idleSeconds).catch(() => undefined).finally(() => (busy = false))
  }, CHECK_EVERY_MS)
  timer.unref?.()
  return () => clearInterval(timer)
}
