/**
 * The readable JSON export, version 1: its schema as zod (which the exporter's tests validate
 * against) and, generated from it, the JSON Schema published at docs/export-schema.json
 * (`npx tsx scripts/gen-export-schema.ts`; a unit test fails if the file and this drift apart).
 *
 *   { format: "hearth-export", v: 1, group: { id, name }, exportedAt, filter: { from, to, topic },
 *     posts: [ { id, author, authorName, topic, text, cw, createdAt, editedAt, reactions,
 *                replies: [ { id, author, authorName, text, createdAt, editedAt, deleted, reactions, replies } ] } ] }
 *
 * Times are ms since 1970 (UTC). `cw` is the post's content warning or null. Posts are newest first.
 */
import { z } from 'zod'

const reactions = z.record(z.string(), z.number().int().min(0))

export interface ExportReply {
  id: string
  author: string
  authorName: string
  text: string
  createdAt: number
  editedAt: number | null
  deleted: boolean
  reactions: Record<string, number>
  replies: ExportReply[]
}

export const replySchema: z.ZodType<ExportReply> = z.lazy(() => z.object({
  id: z.string(), author: z.string(), authorName: z.string(), text: z.string(),
  createdAt: z.number().int(), editedAt: z.number().int().nullable(), deleted: z.boolean(),
  reactions, replies: z.array(replySchema),
}).strict())

export const postSchema = z.object({
  id: z.string(), author: z.string(), authorName: z.string(), topic: z.string(), text: z.string(), cw: z.string().nullable(),
  createdAt: z.number().int(), editedAt: z.number().int().nullable(), reactions, replies: z.array(replySchema),
}).strict()

export const exportSchema = z.object({
  format: z.literal('hearth-export'),
  v: z.literal(1),
  group: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), name: z.string() }).strict(),
  exportedAt: z.number().int(),
  filter: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable(), topic: z.string().nullable() }).strict(),
  posts: z.array(postSchema),
}).strict()

export type ExportDocument = z.infer<typeof exportSchema>
export type ExportPost = ExportDocument['posts'][number]

export function exportJsonSchema(): unknown {
  return z.toJSONSchema(exportSchema, { target: 'draft-2020-12', cycles: 'ref' })
}
