/**
 * A member's node follows the group's keeper as governance names it (core/group/keeper-rules.ts):
 * when `keeper.add` is read the link opens and every replicated log is offered to it; when
 * `keeper.remove` is read the link closes before anything else is done, so the removed keeper is
 * sent nothing this node writes or receives afterwards. Changes are made one at a time, in the
 * order they were asked for.
 */
import type { ReplicableLog } from '../net/group-swarm.ts'
import type { KeeperLink } from './keeper-link.ts'

type KeeperRef = { key: string; register: string }

/**
 * Which keeper a member's node follows (group-online.ts); undefined when there is nothing to
 * decide yet (no governance read, no keeper in the welcome). Governance decides once it knows this
 * device's own log. Before that, a newcomer may have read governance part way (genesis, not yet the
 * `keeper.add` or its own admission), and with every member keeper-only or away, the keeper its
 * welcome named (join.ts, welcome v4) is its one way to read on: dropping it for "none yet" would
 * leave it nothing to read through. So the welcome's keeper stays until then, as the registry keeps
 * the welcome's members (`seedMembers`).
 */
export function keeperToFollow(gov: { knowsLog(key: string): boolean; keepers: { current: KeeperRef | null } } | null, ownLog: string, welcome: KeeperRef | undefined): KeeperRef | null | undefined {
  if (!gov) return welcome
  const named = gov.keepers.current ? { key: gov.keepers.current.key, register: gov.keepers.current.register } : null
  return gov.knowsLog(ownLog) ? named : (welcome ?? named)
}

export class KeeperFollow {
  private link: KeeperLink | null = null
  private key: string | null = null
  private readonly logs: ReplicableLog[] = []
  private changing: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly openLink: (keeper: { key: Uint8Array; register: Uint8Array }) => Promise<KeeperLink>) {}

  /** The open link, or null when the group has no keeper (or it could not be reached yet). */
  get current(): KeeperLink | null {
    return this.link
  }

  /** Our epoch keys changed: the link moves the keeper on to the new access key (keeper-access-walk.ts). */
  setEpochs(epochs: { keys: Uint8Array[]; boxKeys: Uint8Array[] }): void {
    this.link?.setEpochs(epochs)
  }

  addLog(log: ReplicableLog): void {
    this.logs.push(log)
    this.link?.addLog(log)
  }

  /** Makes the link match governance's keeper (hex key and registration secret, or null). Resolves once it does. */
  follow(keeper: { key: string; register: string } | null): Promise<void> {
    const run = this.changing.then(async () => {
      if (this.closed || (keeper?.key ?? null) === this.key) return
      const old = this.link
      this.link = null
      this.key = null
      await old?.close().catch(() => undefined)
      if (keeper === null) return
      const link = await this.openLink({ key: Uint8Array.from(Buffer.from(keeper.key, 'hex')), register: Uint8Array.from(Buffer.from(keeper.register, 'hex')) })
      if (this.closed) return void (await link.close().catch(() => undefined))
      for (const log of this.logs) link.addLog(log)
      this.link = link
      this.key = keeper.key
    })
    this.changing = run.catch(() => undefined)
    return run
  }

  close(): Promise<void> {
    this.closed = true
    return this.changing.then(async () => {
      const link = this.link
      this.link = null
      await link?.close()
    }).catch(() => undefined)
  }
}
