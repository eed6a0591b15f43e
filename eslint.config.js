// @ts-check
/**
 * Lint, and above all the architecture rules of DESIGN.md §2:
 *   renderer → core/api.ts (types only); electron → core; scripts → core; core → nothing of ours.
 * A layer rule that is only documented gets broken by accident; these fail `npm run lint`, and
 * test/unit/lint proves each one fires. Import cycles are caught by dpdm in the same script.
 *
 * The boundary rule is local (`hearth/layer-imports`) rather than no-restricted-imports because it
 * has to resolve relative paths against the importing file, and because it must also see
 * dynamic import(), require(), `import x = require()` and `typeof import()` types, which the
 * core rule ignores.
 */
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { defineConfig } from 'eslint/config'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ROOT = import.meta.dirname
/**
 * Folders whose bare specifiers (`core/x`, through an alias or baseUrl) still mean our own code.
 * Not `electron`: `electron/main` is the package's own entry for the main process.
 */
const OWN_ROOTS = ['core', 'renderer', 'scripts', 'test']

/** @param {string} filename @param {string} spec @returns {string | null} repo-relative target */
function ownTarget(filename, spec) {
  let abs = null
  if (spec.startsWith('.')) abs = path.resolve(path.dirname(filename), spec)
  else if (spec.startsWith('file:')) abs = new URL(spec).pathname
  else if (path.isAbsolute(spec)) abs = spec
  else if (OWN_ROOTS.some((r) => spec.startsWith(r + '/'))) abs = path.join(ROOT, spec)
  return abs === null ? null : path.relative(ROOT, abs).split(path.sep).join('/')
}

/** @param {string} rel @param {string} area */
const within = (rel, area) => rel === area || rel.startsWith(area + '/')

/** @type {import('eslint').Rule.RuleModule} */
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the imports DESIGN.md §2 allows' },
    schema: [{
      type: 'object',
      properties: {
        layer: { type: 'string' },
        mayReach: { type: 'array', items: { type: 'string' } },
        typeOnly: { type: 'array', items: { type: 'string' } },
        denyPackages: { type: 'array', items: { type: 'string' } },
        denyBuiltins: { type: 'boolean' },
      },
      required: ['layer'],
      additionalProperties: false,
    }],
    messages: {
      outside: '{{layer}}/ may not import "{{spec}}" ({{target}}): it is outside what DESIGN.md §2 lets this layer reach.',
      typeOnly: '{{layer}}/ may import {{target}} only with `import type`, so no core code enters this bundle.',
      package: '{{layer}}/ may not import "{{spec}}".',
    },
  },
  create(context) {
    const { layer, mayReach = [], typeOnly = [], denyPackages = [], denyBuiltins = false } = context.options[0]

    /** @param {any} node @param {unknown} source @param {boolean} isType */
    function check(node, source, isType) {
      if (typeof source !== 'string') return
      const target = ownTarget(context.filename, source)
      if (target === null) {
        const denied = (denyBuiltins && isBuiltin(source)) ||
          denyPackages.some((/** @type {string} */ p) => source === p || source.startsWith(p + '/'))
        if (denied) context.report({ node, messageId: 'package', data: { layer, spec: source } })
        return
      }
      if (mayReach.some((/** @type {string} */ a) => within(target, a))) return
      if (typeOnly.includes(target)) {
        if (!isType) context.report({ node, messageId: 'typeOnly', data: { layer, target } })
        return
      }
      context.report({ node, messageId: 'outside', data: { layer, spec: source, target } })
    }

    /** @param {any} n */
    const literal = (n) => (n && n.type === 'Literal' ? n.value : n && n.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : undefined)

    return /** @type {import('eslint').Rule.RuleListener} */ ({
      /** @param {any} n */
      ImportDeclaration: (n) => check(n, n.source.value, n.importKind === 'type'),
      /** @param {any} n */
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value, n.exportKind === 'type'),
      /** @param {any} n */
      ExportAllDeclaration: (n) => check(n, n.source.value, n.exportKind === 'type'),
      /** @param {any} n */
      ImportExpression: (n) => check(n, literal(n.source), false),
      /** @param {any} n */
      TSImportType: (n) => check(n, literal(n.argument?.literal ?? n.argument), true),
      /** @param {any} n */
      TSImportEqualsDeclaration: (n) =>
        n.moduleReference.type === 'TSExternalModuleReference' && check(n, literal(n.moduleReference.expression), n.importKind === 'type'),
      /** @param {any} n */
      CallExpression: (n) =>
        n.callee.type === 'Identifier' && n.callee.name === 'require' && check(n, literal(n.arguments[0]), false),
    })
  },
}

const hearth = { meta: { name: 'hearth' }, rules: { 'layer-imports': layerImports } }

/** Browser globals core must never touch: it also runs in Node (CLI, keeper, tests). */
const DOM_GLOBALS = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location',
  'history', 'self', 'top', 'parent', 'opener', 'frames', 'screen', 'alert', 'confirm', 'prompt',
  'XMLHttpRequest', 'HTMLElement', 'Element', 'Node', 'MutationObserver', 'customElements',
  'requestAnimationFrame', 'getComputedStyle', 'matchMedia', 'caches', 'cookieStore',
]
/** Node globals the sandboxed renderer does not have; reaching for them means a layer mix-up. */
const NODE_GLOBALS = ['require', 'process', 'Buffer', 'global', '__dirname', '__filename', 'module', 'exports', 'setImmediate']

const why = (/** @type {string} */ m) => (/** @type {string} */ name) => ({ name, message: m })
const OPEN_EXTERNAL = [
  { selector: "MemberExpression[property.name='openExternal']", message: 'Open links only through electron/open-external.ts, which checks the allowlist.' },
  { selector: "MemberExpression[computed=true][property.value='openExternal']", message: 'Open links only through electron/open-external.ts, which checks the allowlist.' },
  { selector: "ObjectPattern > Property[key.name='openExternal']", message: 'Open links only through electron/open-external.ts, which checks the allowlist.' },
]
const DOM_VIA_GLOBALTHIS = {
  selector: `MemberExpression[object.name='globalThis'][property.name=/^(${DOM_GLOBALS.join('|')})$/]`,
  message: 'core/ runs outside the browser: no DOM globals.',
}
const BRIDGE_ONLY = {
  selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='hearth']",
  message: 'Reach the API only through renderer/lib/bridge.ts.',
}

const CRYPTO_ONLY = {
  paths: [
    { name: 'tweetnacl', message: 'Use core/crypto/: it applies one strict rule to keys and signatures.' },
    { name: 'sodium-native', message: 'Use core/crypto/: it applies one strict rule to keys and signatures.' },
  ],
  patterns: [{ group: ['**/crypto/sodium.ts'], message: 'Use the providers in core/crypto/, not the raw binding.' }],
}

const boundary = (/** @type {Record<string, unknown>} */ opts) => ({ 'hearth/layer-imports': ['error', opts] })

export default defineConfig(
  { ignores: ['dist/**', 'build/**', 'out/**', 'node_modules/**', '.vite/**', 'coverage/**', 'test/fixtures/lint/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    plugins: { hearth },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...OPEN_EXTERNAL],
    },
  },
  {
    files: ['core/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...boundary({ layer: 'core', mayReach: ['core'], denyPackages: ['electron', 'svelte'] }),
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map(why('core/ runs outside the browser: no DOM globals.'))],
      'no-restricted-syntax': ['error', ...OPEN_EXTERNAL, DOM_VIA_GLOBALTHIS],
      'no-restricted-imports': ['error', CRYPTO_ONLY],
    },
  },
  // core/crypto is the one place the NaCl libraries are used raw: everyone else gets the strict rules.
  { files: ['core/crypto/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...boundary({ layer: 'renderer', mayReach: ['renderer'], typeOnly: ['core/api.ts'], denyPackages: ['electron'], denyBuiltins: true }),
      'no-restricted-globals': ['error', ...NODE_GLOBALS.map(why('The renderer is sandboxed: no Node globals.'))],
      'no-restricted-syntax': ['error', ...OPEN_EXTERNAL, BRIDGE_ONLY],
    },
  },
  { files: ['renderer/lib/bridge.ts'], rules: { 'no-restricted-syntax': ['error', ...OPEN_EXTERNAL] } },
  {
    files: ['electron/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: boundary({ layer: 'electron', mayReach: ['electron', 'core'], denyPackages: ['svelte'] }),
  },
  {
    // The sandboxed preload can require nothing but 'electron', so it may only borrow types.
    files: ['electron/preload.cts'],
    rules: {
      ...boundary({ layer: 'electron', typeOnly: ['core/api.ts'], denyBuiltins: true }),
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['electron/open-external.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['scripts/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: boundary({ layer: 'scripts', mayReach: ['scripts', 'core'], denyPackages: ['electron'] }),
  },
  {
    // Benchmarks and soaks are development tools: they may reuse the tests' seeded random source and peers.
    files: ['scripts/bench/**', 'scripts/soak/**'],
    rules: boundary({ layer: 'scripts', mayReach: ['scripts', 'core', 'test/helpers'], denyPackages: ['electron'] }),
  },
  { files: ['test/**', '*.config.ts', '*.config.js'], languageOptions: { globals: { ...globals.node } } },
)
