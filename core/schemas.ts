/**
 * Input schemas for every API method (zod 4). The service validates each call against these at
 * the boundary, so nothing past it ever sees an unchecked value from a front end. The mapped type
 * makes a method without a schema, or a schema that disagrees with core/api.ts, a compile error.
 */
import { z } from 'zod'
import type { MethodInput, MethodName } from './api.ts'

const passphrase = z.string().min(1).max(4096)
const lockReason = z.enum(['user', 'idle', 'quick-exit', 'destroyed'])
const empty = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>

export const inputSchemas: { [M in MethodName]: z.ZodType<MethodInput<M>> } = {
  profileStatus: empty,
  createProfile: z.object({ passphrase }).strict(),
  unlock: z.object({ passphrase }).strict(),
  lock: z.object({ reason: lockReason.optional() }).strict(),
  changePassphrase: z.object({ current: passphrase, next: passphrase }).strict(),
  destroyProfile: z.object({ confirm: z.literal(true) }).strict(),
}

export const METHOD_NAMES = Object.keys(inputSchemas) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(inputSchemas, name)
}

/** A readable summary of what was wrong, naming fields but never echoing their values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ')
}
