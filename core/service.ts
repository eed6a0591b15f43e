/**
 * The Service: implements core/api.ts on top of the rest of core. It is the one object every
 * front end talks to (Electron IPC, the CLI, the web host). Each call is validated against its
 * schema, runs, and returns a Result; no exception crosses this boundary.
 */
import type { ApiEvents, EventName, HearthApi, LockReason, MethodHandlers, ProfileStatus, Result } from './api.ts'
import { errors, isHearthError } from './errors.ts'
import type { KdfParams } from './crypto/kdf.ts'
import { archiveHandlers } from './archive/archive-handlers.ts'
import { groupHandlers, type GroupContext } from './group/group-handlers.ts'
import { membershipHandlers } from './group/membership-handlers.ts'
import { moderationHandlers } from './group/moderation-handlers.ts'
import { rewriteHandlers } from './group/rewrite-view.ts'
import { decisionHandlers } from './group/decision-handlers.ts'
import { copyHandlers } from './group/copy-handlers.ts'
import { debriefHandlers } from './group/debrief-handlers.ts'
import { privateLineHandlers } from './group/private-line-handlers.ts'
import { everydayHandlers } from './group/everyday-handlers.ts'
import { keeperHandlers } from './keeper/keeper-handlers.ts'
import { webrtcHandlers } from './group/webrtc-handlers.ts'
import { transportHandlers } from './group/transport-handlers.ts'

import { keeperOnlyHandlers } from './keeper/keeper-only-handlers.ts'
import { personalHandlers } from './group/personal-handlers.ts'
import { supportHandlers } from './group/support-handlers.ts'
import { GroupRegistry } from './group/group-registry.ts'
import type { NetworkOptions } from './group/group-online.ts'
import { describeIssues, inputSchemas, isMethodName, issueCode, METHOD_NAMES } from './schemas.ts'
import { Vault } from './store/vault.ts'
import { PagePeers } from './net/webrtc/page-peers.ts'

/** Vault entry holding the pseudonym offered by default for new groups. */
const PROFILE_NAME = 'profile/name'

export interface ServiceOptions {
  profileDir: string
  now?: () => number
  /** Tests only: a cheaper argon2id for profiles they create. */
  kdf?: KdfParams
  /**
   * Where groups sync: DHT bootstrap nodes and the address to bind. Omit to keep this node off
   * the network (the CLI's in-process commands, unit tests).
   */
  network?: NetworkOptions
  /**
   * Opens an https link in the system browser; the Electron shell passes its allowlisted opener.
   * Resolves false when it refused or failed. Omit where no browser may be opened.
   */
  openLink?: (url: string) => Promise<boolean>
  /** Called with faults that were not coded errors (bugs). Receives no user data. */
  onInternalError?: (e: unknown) => void
  /**
   * WebRTC peer connections are made by the front end (the app's renderer, the web host's page)
   * and relayed as `rtc` events and `rtcRelay` calls (net/webrtc/page-peers.ts), not by
   * node-datachannel in this process.
   */
  webrtcInPage?: boolean
  /** How long a group goes unasked before its docs rest (core/group/doc-rest.ts); tests set 0. */
  restAfterMs?: number
}

type Listener = (payload: never) => void

export interface HearthService extends HearthApi {
  /** Dispatch by name with untrusted input: what IPC and the web host call. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>
  close(): Promise<void>
}

export function createService(opts: ServiceOptions): HearthService {
  const vaultOpts = { ...(opts.now ? { now: opts.now } : {}), ...(opts.kdf ? { kdf: opts.kdf } : {}) }
  const vault = new Vault(opts.profileDir, vaultOpts)
  const listeners = new Map<EventName, Set<Listener>>()
  const now = opts.now ?? Date.now
  let registry: GroupRegistry | null = null
  const pagePeers = opts.webrtcInPage ? new PagePeers((m) => emit('rtc', m)) : null
  const network = opts.network && pagePeers ? { ...opts.network, webrtcPeers: pagePeers } : opts.network
  /** The previous registry still closing its files; the next one waits for it. */
  let closing: Promise<void> = Promise.resolve()

  function emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of listeners.get(event) ?? []) {
      try {
        ;(l as (p: ApiEvents[E]) => void)(payload)
      } catch (e) {
        opts.onInternalError?.(e)
      }
    }
  }

  async function status(): Promise<ProfileStatus> {
    const exists = await vault.exists()
    const left = exists ? [] : await vault.remnants()
    return { exists, unlocked: vault.unlocked, retryAfterMs: exists && !vault.unlocked ? await vault.retryAfterMs() : 0, ...(left.length ? { vaultMissing: left } : {}) }
  }

  /** After the vault opens: opens the group store. If that fails the vault locks again. */
  async function openRegistry(): Promise<void> {
    await closing
    try {
      registry = await GroupRegistry.open(vault, (groupId) => emit('groupChanged', { groupId }), now, network ?? null)
      if (opts.restAfterMs !== undefined) registry.rest.afterMs = opts.restAfterMs
    } catch (e) {
      vault.lock()
      throw e
    }
    // Going online may wait on the DHT; unlocking must not.
    void registry.goOnlineAll().catch((e: unknown) => opts.onInternalError?.(e))
    // A join left waiting at a group's keeper goes on (core/group/join-waiting.ts).
    registry.invitations.resumeWaiting(() => emit('groupsChanged', {}))
  }

  /** Synchronous: every key is wiped before this returns; files finish closing in the background. */
  function lockNow(reason: LockReason): void {
    const was = vault.unlocked
    if (registry) {
      const r = registry
      registry = null
      // The registry wipes its keys (and seals any due checkpoint) now, before the vault locks.
      const closed = r.lockNow()
      closing = closing.then(() => closed).catch((e: unknown) => opts.onInternalError?.(e))
    }
    vault.lock()
    if (was) emit('locked', { reason })
  }

  function requireRegistry(): GroupRegistry {
    if (!registry) throw errors.PROFILE_LOCKED()
    return registry
  }

  const groupContext: GroupContext = {
    registry: requireRegistry,
    now,
    defaultName: () => {
      const n = vault.get(PROFILE_NAME)
      return n ? new TextDecoder().decode(n) : null
    },
    groupsChanged: () => emit('groupsChanged', {}),
    joinProgress: (p) => emit('joinProgress', p),
  }

  const handlers: MethodHandlers = {
    profileStatus: () => status(),
    async createProfile({ passphrase, name }) {
      await vault.create(passphrase)
      if (name) await vault.set(PROFILE_NAME, new TextEncoder().encode(name))
      await openRegistry()
      emit('unlocked', {})
      return status()
    },
    async unlock({ passphrase }) {
      if (vault.unlocked) return status()
      await vault.unlock(passphrase)
      await openRegistry()
      emit('unlocked', {})
      return status()
    },
    async lock({ reason }) {
      lockNow(reason ?? 'user')
      return status()
    },
    async checkPassphrase({ passphrase }) {
      await vault.verifyPassphrase(passphrase)
      return { checked: true as const }
    },
    async changePassphrase({ current, next }) {
      await vault.changePassphrase(current, next)
      return status()
    },
    async destroyProfile() {
      lockNow('destroyed')
      await closing
      await vault.destroy()
      return status()
    },
    ...groupHandlers(groupContext),
    ...membershipHandlers(groupContext),
    ...archiveHandlers({
      registry: requireRegistry,
      now,
      progress: (p) => emit('exportProgress', p),
      groupsChanged: () => emit('groupsChanged', {}),
      ...(opts.kdf ? { kdf: opts.kdf } : {}),
    }),
    ...moderationHandlers(groupContext),
    ...rewriteHandlers(groupContext),
    ...decisionHandlers(groupContext),
    ...personalHandlers({ registry: requireRegistry, now }),
    ...supportHandlers({ registry: requireRegistry, now, ...(opts.openLink ? { openLink: opts.openLink } : {}) }),
    ...debriefHandlers({ registry: requireRegistry, now }),
    ...privateLineHandlers({ registry: requireRegistry, now }),
    ...everydayHandlers({ registry: requireRegistry, now }),
    ...keeperHandlers({ registry: requireRegistry, now }),
    ...webrtcHandlers({ registry: requireRegistry, now }),
    ...transportHandlers({ registry: requireRegistry, now }),

    ...keeperOnlyHandlers({ registry: requireRegistry, now }),
    ...copyHandlers({ reads: () => handlers, registry: requireRegistry, now }),
    async rtcRelay(m) {
      if (!pagePeers) throw errors.NOT_ALLOWED('this node makes its own WebRTC connections')
      pagePeers.receive(m)
      return { relayed: true as const }
    },
  }

  async function call(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return { ok: false, error: errors.UNKNOWN_METHOD().toApiError() }
    const parsed = inputSchemas[method].safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: errors[issueCode(parsed.error)](describeIssues(parsed.error)).toApiError() }
    try {
      const run = handlers[method] as (i: unknown) => Promise<unknown>
      const store = registry?.store
      const mark = store?.recordChanges
      const value = await run(parsed.data)
      // A write is acknowledged only once the own-log record covering it is durable, so a post
      // lost later with a damaged write-ahead log is said, never silent (core/store/own-log-guard.ts).
      // Calls in a burst share the record's writes (one in flight, the next covering every length
      // noted meanwhile), so a burst adds none; a call while nothing was noted waits for none.
      if (store && store.recordChanges !== mark) await store.recorded()
      return { ok: true, value }
    } catch (e) {
      if (isHearthError(e)) return { ok: false, error: e.toApiError() }
      opts.onInternalError?.(e)
      return { ok: false, error: errors.INTERNAL().toApiError() }
    }
  }

  const api = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)]),
  ) as unknown as HearthApi

  return Object.assign(api, {
    call,
    on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(handler as Listener)
      return () => set.delete(handler as Listener)
    },
    async close() {
      lockNow('user')
      listeners.clear()
      await closing
    },
  })
}
