/**
 * The contract (core/api.ts) on ipcMain. Each method gets one channel, `hearth:<method>`, made
 * from the schema table (core/schemas.ts), which the compiler already holds to the contract; the
 * preload's own table is the compile-time check on the renderer side. A call is
 * answered only if it comes from the main frame of our own window showing our own packaged page;
 * anything else gets a coded refusal and never reaches the service. The service then validates
 * the payload against its schema, so a compromised page still cannot send a malformed call.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { ApiEvents, EventName, MethodName, Result } from '../core/api.ts'
import { errors } from '../core/errors.ts'
import { METHOD_NAMES } from '../core/schemas.ts'
import type { HearthService } from '../core/service.ts'

export const EVENT_CHANNEL = 'hearth:event'

export function channelOf<M extends MethodName>(method: M): `hearth:${M}` {
  return `hearth:${method}`
}

const EVENTS = { locked: true, unlocked: true, groupsChanged: true, groupChanged: true, exportProgress: true, joinProgress: true, rtc: true } as const satisfies Record<EventName, true>

export interface EventMessage<E extends EventName = EventName> {
  event: E
  payload: ApiEvents[E]
}

export interface IpcOptions {
  service: Pick<HearthService, 'call' | 'on'>
  /** The window allowed to call; null while it does not exist. */
  target: () => WebContents | null
  isAppUrl: (url: string) => boolean
  /** Runs before the lock when the page asks for a quick exit, so hiding never waits on it. */
  onQuickExit?: () => void
}

const refusal = (): Result<never> => ({
  ok: false,
  error: errors.UNTRUSTED_SENDER().toApiError(),
})

function isQuickExit(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { reason?: unknown }).reason === 'quick-exit'
}

/** A call comes from the main frame of our own window showing our own page, or it is refused. */
export function isTrustedSender(event: IpcMainInvokeEvent, target: WebContents | null, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  return target !== null && event.sender === target && frame !== null && frame.parent === null && isAppUrl(frame.url)
}

/** Registers every channel and forwards service events; returns a function that undoes both. */
export function registerIpc(opts: IpcOptions): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => isTrustedSender(event, opts.target(), opts.isAppUrl)

  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!trusted(event)) return refusal()
      if (method === 'lock' && isQuickExit(input)) opts.onQuickExit?.()
      try {
        return await opts.service.call(method, input)
      } catch {
        return { ok: false, error: errors.INTERNAL().toApiError() }
      }
    })
  }

  const unsubscribe = (Object.keys(EVENTS) as EventName[]).map((name) =>
    opts.service.on(name, (payload) => {
      const target = opts.target()
      if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, { event: name, payload } satisfies EventMessage)
    }),
  )

  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelOf(method))
    for (const off of unsubscribe) off()
  }
}
