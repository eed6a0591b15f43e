// The served script's entry: installs `window.hearth` before the app's own script runs.
import { install, type Names } from './shim.ts'

/** Replaced with the contract's names when build.ts bundles this file. */
declare const HEARTH_NAMES: Names

install(globalThis, HEARTH_NAMES)
