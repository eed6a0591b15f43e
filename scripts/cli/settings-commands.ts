/**
 * `hearth settings`: this device's own settings that the node acts on. Today keeper-only mode
 * (core/keeper/keeper-only.ts), for every group on this device.
 */
import { HearthError } from '../../core/errors.ts'
import { expectOk, opt, unlocked, type Command } from './commands.ts'

export const settingsCommands: Record<string, Command> = {
  settings: {
    usage: 'hearth settings [--keeper-only on|off]',
    summary: 'keeper-only mode: sync through the group’s keeper alone, so other members never see your internet address',
    async run(ctx) {
      await unlocked(ctx)
      const v = opt(ctx, 'keeper-only')
      if (v === undefined) return expectOk(ctx.service.keeperOnly({}))
      if (v !== 'on' && v !== 'off') throw new HearthError('INVALID_INPUT', '--keeper-only is on or off')
      return expectOk(ctx.service.setKeeperOnly({ on: v === 'on' }))
    },
    human: (v) => ((v as { on: boolean }).on
      ? 'Keeper-only is on: in groups with a keeper you sync through the keeper alone, and other members never see your internet address. When the keeper is down, you wait.'
      : 'Keeper-only is off: you connect to other members directly, so they can see your internet address.'),
  },
}
