#!/usr/bin/env node
// The installed `hearth` command: loads tsx in this same process, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api'

register()
await import('./hearth.ts')
