/**
 * `hearth export` and `hearth restore` (issue 7). The archive passphrase comes from
 * HEARTH_ARCHIVE_PASSPHRASE or --archive-passphrase-file (or a prompt), never from an argument.
 * Progress goes to stderr; Ctrl-C stops an export and leaves no file. `--language TAG` sets the
 * language of a readable file's own words (English by default); the CLI's own messages stay English.
 */
import path from 'node:path'
import type { ExportFormat, ExportResult, GroupSummary } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { matchReadableLanguage, READABLE_LANGUAGES } from '../../core/readable-words/index.ts'
import { currentPassphrase, expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'
import { shown } from './visible.ts'
import { readPassphrase } from './passphrase.ts'

const FORMATS: ExportFormat[] = ['archive', 'html', 'md', 'json']

/** YYYY-MM-DD (a whole day, UTC) or a full ISO time. `end` takes the last millisecond of a bare day. */
export function parseDate(s: string, end: boolean): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s)
  const t = Date.parse(day ? `${s}T00:00:00.000Z` : s)
  if (!Number.isFinite(t) || t < 0) throw new HearthError('INVALID_INPUT', `not a date: use YYYY-MM-DD or an ISO time`)
  return day && end ? t + 86_400_000 - 1 : t
}

/** A language Hearth has readable words in; any other tag is a coded error here, not a silent English file. */
function language(ctx: CommandContext): string | undefined {
  const tag = opt(ctx, 'language')
  if (tag === undefined) return undefined
  if (!matchReadableLanguage(tag)) throw new HearthError('INVALID_INPUT', `--language is one of: ${READABLE_LANGUAGES.join(', ')}`)
  return tag
}

function archivePassphrase(ctx: CommandContext, prompt: string): Promise<string> {
  return readPassphrase({ env: 'HEARTH_ARCHIVE_PASSPHRASE', file: opt(ctx, 'archive-passphrase-file'), prompt })
}

function showProgress(ctx: CommandContext, verb: string): () => void {
  return ctx.service.on('exportProgress', (p) => {
    if (p.total > 0) process.stderr.write(`hearth: ${verb} ${p.done}/${p.total}\n`)
  })
}

export const archiveCommands: Record<string, Command> = {
  export: {
    usage: 'hearth export --group ID --format archive|html|md|json --out FILE [--from DATE --to DATE] [--topic T] [--language TAG]',
    summary: 'export a group: a sealed archive, or a readable file anyone who opens it can read',
    async run(ctx) {
      const format = need(ctx, 'format') as ExportFormat
      if (!FORMATS.includes(format)) throw new HearthError('INVALID_INPUT', '--format is archive, html, md or json')
      const out = path.resolve(need(ctx, 'out'))
      const from = opt(ctx, 'from')
      const to = opt(ctx, 'to')
      const topic = opt(ctx, 'topic')
      const lang = language(ctx)
      if (format === 'archive' && (from || to || topic || lang)) throw new HearthError('INVALID_INPUT', 'an archive holds the whole group; --from, --to, --topic and --language are for readable exports')
      await unlocked(ctx)
      const pass = format === 'archive' ? await archivePassphrase(ctx, 'Archive passphrase: ') : undefined
      if (format !== 'archive') process.stderr.write('hearth: a readable export can be read by anyone who opens the file.\n')
      const stop = showProgress(ctx, 'exported')
      const cancel = (): void => void ctx.service.cancelExport({})
      process.once('SIGINT', cancel)
      try {
        return await expectOk(ctx.service.exportGroup({
          groupId: need(ctx, 'group'), format, path: out,
          ...(pass ? { archivePassphrase: pass } : {}),
          ...(from ? { from: parseDate(from, false) } : {}), ...(to ? { to: parseDate(to, true) } : {}), ...(topic ? { topic } : {}),
          ...(lang ? { language: lang } : {}),
        }))
      } finally {
        process.off('SIGINT', cancel)
        stop()
      }
    },
    human: (v) => {
      const r = v as ExportResult
      return `Wrote ${r.path} (${r.items} ${r.items === 1 ? 'item' : 'items'}, ${r.bytes} bytes).`
    },
  },
  restore: {
    usage: 'hearth restore FILE',
    summary: 'restore a group from your archive into this profile (made first if there is none), as the same member',
    async run(ctx) {
      const file = ctx.positionals[0]
      if (!file) throw new HearthError('INVALID_INPUT', 'name the archive file: hearth restore FILE')
      const status = await expectOk(ctx.service.profileStatus({}))
      if (status.exists) await unlocked(ctx)
      else await expectOk(ctx.service.createProfile({ passphrase: await currentPassphrase(ctx) }))
      const pass = await archivePassphrase(ctx, 'Archive passphrase: ')
      const stop = showProgress(ctx, 'restored')
      try {
        return await expectOk(ctx.service.restoreArchive({ path: path.resolve(file), archivePassphrase: pass }))
      } finally {
        stop()
      }
    },
    human: (v) => `Restored group "${shown((v as GroupSummary).name)}" (${(v as GroupSummary).id}).`,
  },
}
