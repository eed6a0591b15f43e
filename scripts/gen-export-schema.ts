/**
 * Writes docs/export-schema.json, the JSON Schema of Hearth's readable JSON export, from the zod
 * schema in core/archive/export-json-schema.ts. A unit test fails when the two differ.
 *
 *   npx tsx scripts/gen-export-schema.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { exportJsonSchema } from '../core/archive/export-json-schema.ts'

const file = fileURLToPath(new URL('../docs/export-schema.json', import.meta.url))
writeFileSync(file, JSON.stringify(exportJsonSchema(), null, 2) + '\n')
console.log('wrote docs/export-schema.json')
