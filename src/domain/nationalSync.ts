/**
 * The national database sync outbox — the pure rules (NĐ 27/2026/NĐ-CP; reports-and-rules.md §C). The service is
 * src/nationalSync/; this module decides which groups of the canonical record a change touched, how an entry's
 * identifier is shown, how long a failed delivery waits before the next attempt, and whether an entry is late.
 *
 * Confirmed by the decree's summaries: the số định danh cá nhân (CCCD) is the key of the electronic record
 * (Điều 16.3); system-produced data is synced "no later than 1 day" after the business step completes (Điều 19).
 * NOT confirmed: the decree's annex (10 groups, 194 fields) and the message format (QĐ 356/QĐ-BNV) — the groups here
 * are hoso's own record groups (src/domain/record/schema.ts), and the wire format is a replaceable module.
 */
import { HISTORIES, STAFF_GROUPS } from './record/schema'

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]
export const isOutboxStatus = (v: unknown): v is OutboxStatus => typeof v === 'string' && (OUTBOX_STATUSES as readonly string[]).includes(v)

/** NĐ 27/2026 Điều 19 (per press summaries): synced no later than 1 day after the business step. */
export const SYNC_LIMIT_MS = 24 * 60 * 60 * 1000

/** Top-level staff field → the canonical group that holds it ('economy.incomeSalary' → 'economy'). */
const GROUP_OF_FIELD: ReadonlyMap<string, string> = new Map(
  STAFF_GROUPS.flatMap((g) => g.fields.map((f) => [(f.path ?? f.key).split('.')[0]!, g.key] as const)),
)

/** History collection slug → its path in the canonical record ('work-history' → 'histories.workHistory'). */
const HISTORY_OF_SLUG: ReadonlyMap<string, string> = new Map(HISTORIES.map((h) => [h.slug, `histories.${h.key}`]))

export const historyGroupOf = (slug: string): string | null => HISTORY_OF_SLUG.get(slug) ?? null
export const ALL_GROUPS: readonly string[] = [...STAFF_GROUPS.map((g) => g.key), ...HISTORIES.map((h) => `histories.${h.key}`), 'photo']

/** A relationship as Payload returns it at any depth → its id; anything else unchanged. */
function comparable(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if ('id' in o && ('createdAt' in o || 'updatedAt' in o)) return o.id
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, comparable(o[k])]))
  }
  if (Array.isArray(v)) return v.map(comparable)
  return v === undefined || v === '' ? null : v
}

const same = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

/**
 * The canonical groups a change of the staff record touched: every group on a creation, otherwise the groups of the
 * fields whose values differ. A field absent from `after` (the caller may not read it) is not a change. Fields the
 * canonical record leaves out (the last confirmation time, derived search names) touch no group: a change of only
 * those is not an official change of the record and writes no entry.
 */
export function staffGroupsChanged(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): string[] {
  if (!before) return [...STAFF_GROUPS.map((g) => g.key), ...(after.photo != null ? ['photo'] : [])]
  const groups = new Set<string>()
  for (const [field, group] of GROUP_OF_FIELD) {
    if (!(field in after)) continue
    if (!same(before[field], after[field])) groups.add(group)
  }
  if ('photo' in after && !same(before.photo, after.photo)) groups.add('photo')
  return ALL_GROUPS.filter((g) => groups.has(g))
}

/** Union of group lists, in the canonical order. */
export function mergeGroups(...lists: ReadonlyArray<readonly string[]>): string[] {
  const all = new Set(lists.flat())
  return [...ALL_GROUPS.filter((g) => all.has(g)), ...[...all].filter((g) => !ALL_GROUPS.includes(g)).sort()]
}

/** The identifier as lists show it: every character but the last 4 replaced ("********2345"); null stays null. */
export function maskPersonKey(key: string | null | undefined): string | null {
  if (key == null || key === '') return null
  return key.length <= 4 ? '*'.repeat(key.length) : '*'.repeat(key.length - 4) + key.slice(-4)
}

export interface RetryPolicy {
  /** Wait after the first failure. */
  baseMs: number
  /** Longest wait between attempts. */
  maxMs: number
  /** After this many failed attempts the entry is marked failed and needs an operator. */
  maxAttempts: number
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * 60 * 1000, maxAttempts: 50 }

/**
 * Wait before attempt `attempts + 1` after `attempts` failures: doubling from `baseMs`, capped at `maxMs`, with up to
 * 20 % jitter from `random` (0..1) so that many entries failing together do not retry in step.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY, random = 0): number {
  const exp = policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30))
  const capped = Math.min(policy.maxMs, exp)
  return Math.round(capped * (1 + 0.2 * Math.min(1, Math.max(0, random))))
}

/** Delay from business completion to acknowledgement (or to `now` while unacknowledged), in ms. */
export function syncDelayMs(entry: { completedAt: Date; acknowledgedAt?: Date | null }, now: Date): number {
  return (entry.acknowledgedAt ?? now).getTime() - entry.completedAt.getTime()
}

/** Past the 1-day rule: unacknowledged and older than the limit, or acknowledged after it. */
export function isLate(entry: { completedAt: Date; acknowledgedAt?: Date | null }, now: Date, limitMs = SYNC_LIMIT_MS): boolean {
  return syncDelayMs(entry, now) > limitMs
}

/** Human duration for alerts: "1 ngày 3 giờ 5 phút / 1 d 3 h 5 min". */
export function formatDuration(ms: number): { vi: string; en: string } {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  const vi = [d ? `${d} ngày` : '', h ? `${h} giờ` : '', `${m} phút`].filter(Boolean).join(' ')
  const en = [d ? `${d} d` : '', h ? `${h} h` : '', `${m} min`].filter(Boolean).join(' ')
  return { vi, en }
}
