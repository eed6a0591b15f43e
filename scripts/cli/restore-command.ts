/**
 * `hearth restore` names two actions, both from the issues' command lists: with `--to`, a
 * facilitator shows a hidden post or reply again (moderation); with a FILE, a group comes back
 * from an archive. The option decides, so neither spelling has to change.
 */
import type { Command } from './commands.ts'

export function restoreCommand(archive: Command, moderation: Command): Command {
  let chosen = archive
  return {
    usage: `${archive.usage}  |  ${moderation.usage}`,
    summary: `${archive.summary}; with --to: ${moderation.summary}`,
    run(ctx) {
      chosen = ctx.options.to !== undefined ? moderation : archive
      return chosen.run(ctx)
    },
    human: (value) => chosen.human(value),
  }
}
