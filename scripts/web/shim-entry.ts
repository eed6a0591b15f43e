// The served script's entry: installs `window.hearth` before the app's own script runs.
import { install } from './shim.ts'

install(globalThis)
