/** Service helpers for integration tests: unwrap Results, and read a whole feed across pages. */
import type { FeedPost, Result } from '../../core/api.ts'
import type { HearthService } from '../../core/service.ts'

export async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

/** Every post of a group, newest first, following `next` until the last page. */
export async function wholeFeed(svc: HearthService, groupId: string): Promise<FeedPost[]> {
  const out: FeedPost[] = []
  let before: string | undefined
  for (let page = 0; page < 10_000; page++) {
    const p = await ok(svc.feed({ groupId, limit: 100, ...(before ? { before } : {}) }))
    out.push(...p.posts)
    if (!p.next) return out
    before = p.next
  }
  throw new Error('feed did not end')
}
