/**
 * `npm run build:node`: bundles the Node entry points — the `hearth` command, the web host and
 * every test child process (`test/**\/*.child.ts`) — into build/, once, with esbuild. Loading core
 * through tsx costs each process about 0.75 s of CPU before it does anything; the bundle loads in
 * a fraction of that (docs/benchmarks.md, "Building core once").
 *
 * - Packages stay external (`packages: 'external'`): Node resolves them from node_modules exactly
 *   as it does for the sources, native addons (sodium-native, RocksDB, node-datachannel) included.
 * - `import.meta.url`, `.dirname` and `.filename` are replaced, file by file, with the SOURCE
 *   file's own, so every path a module works out from where it lives (createRequire, the web
 *   host's repo root, a child's neighbour files) is what it is when run from source.
 * - Source maps sit beside each file; processes run with --enable-source-maps, so a stack trace
 *   names the .ts lines.
 * - A file is rewritten only when its bytes change, through a temp file and a rename, so a
 *   process that is starting while a build runs reads either the old file or the new one whole.
 * - build/manifest.json is written last (its layout: built-entry.mjs). When the last build is
 *   still current (no input changed, same entry points) nothing is built.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'
import { BUILD_DIR, changedInput, MANIFEST, readManifest, ROOT, type BuildManifest } from './built-entry.mjs'

/** Files that shape the output without being imported by it: a change to any means a rebuild. */
const BUILD_INPUTS = ['scripts/build/node-build.ts', 'package.json', 'tsconfig.json', 'tsconfig.base.json']
/**
 * A file modified this close to the build's start may have changed after esbuild read it; it is
 * stamped as changed so that the next check rebuilds (file times come from a coarse kernel clock).
 */
const CLOCK_SLACK_MS = 50

const posix = (p: string): string => p.split(path.sep).join('/')

function childFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`
    if (e.isDirectory() && e.name !== 'fixtures') out.push(...childFiles(rel))
    else if (e.isFile() && e.name.endsWith('.child.ts')) out.push(rel)
  }
  return out
}

/** Every entry point, repo-relative. */
export function entryPoints(): string[] {
  return ['scripts/hearth.ts', 'scripts/web-host.ts', ...childFiles('test')].sort()
}

const builtName = (entry: string): string => entry.replace(/\.ts$/, '.mjs')

/** Gives each source file its own location, as if it ran unbundled. */
const ownImportMeta: esbuild.Plugin = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const source = readFileSync(args.path, 'utf8')
      const own: Record<string, string> = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path }
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_m, k: string) => JSON.stringify(own[k]))
      return { contents, loader: 'ts' }
    })
  },
}

function writeIfChanged(file: string, bytes: Uint8Array): boolean {
  try {
    if (Buffer.from(readFileSync(file)).equals(bytes)) return false
  } catch {
    // not there yet
  }
  mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, bytes)
  renameSync(tmp, file)
  return true
}

/** Built files no longer produced (old chunks, removed children). */
function prune(dir: string, keep: Set<string>): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) prune(full, keep)
    else if (full !== MANIFEST && !keep.has(full)) rmSync(full, { force: true })
  }
}

function current(entries: string[]): boolean {
  const m = readManifest()
  if (!m) return false
  const built = Object.keys(m.entries).sort()
  return built.length === entries.length && built.every((e, i) => e === entries[i]) && changedInput(m) === null
}

export interface BuildResult {
  built: boolean
  entries: number
  written: number
  ms: number
}

/**
 * Builds build/ unless it is current. Several processes may build the same sources at once (each
 * file is replaced whole, by the same bytes); builds of different sources at once may prune each
 * other's chunks, and the last manifest wins.
 */
export async function buildNode(opts: { force?: boolean } = {}): Promise<BuildResult> {
  const started = Date.now()
  const entries = entryPoints()
  if (!opts.force && current(entries)) return { built: false, entries: entries.length, written: 0, ms: Date.now() - started }
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => ({ in: e, out: e.replace(/\.ts$/, '') })),
    outdir: BUILD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [ownImportMeta],
  })
  let written = 0
  const keep = new Set<string>()
  for (const f of result.outputFiles) {
    keep.add(f.path)
    if (writeIfChanged(f.path, f.contents)) written++
  }
  prune(BUILD_DIR, keep)
  const inputs: BuildManifest['inputs'] = {}
  for (const rel of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS]) {
    if (rel.startsWith('node_modules/')) continue
    const s = statSync(path.join(ROOT, rel), { throwIfNoEntry: false })
    inputs[posix(rel)] = !s || s.mtimeMs >= started - CLOCK_SLACK_MS ? [-1, -1] : [s.mtimeMs, s.size]
  }
  const outputs: BuildManifest['outputs'] = {}
  for (const f of keep) {
    const s = statSync(f)
    outputs[posix(path.relative(ROOT, f))] = [s.mtimeMs, s.size]
  }
  const manifest: BuildManifest = { version: 1, entries: Object.fromEntries(entries.map((e) => [e, builtName(e)])), inputs, outputs }
  writeIfChanged(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 1) + '\n'))
  return { built: true, entries: entries.length, written, ms: Date.now() - started }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const r = await buildNode({ force: process.argv.includes('--force') })
  process.stdout.write(r.built ? `build/: ${r.entries} entry points, ${r.written} files written, ${r.ms} ms\n` : `build/ is current (${r.ms} ms)\n`)
}
