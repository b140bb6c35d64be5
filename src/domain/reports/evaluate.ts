/** A predicate tested on one person's snapshot in TypeScript: the brute-force count and unit tests use it. */
import type { Predicate } from './predicate'
import type { PersonSnapshot } from './snapshot'

export function evaluate(p: Predicate, s: PersonSnapshot): boolean {
  if ('always' in p) return true
  if ('all' in p) return p.all.every((q) => evaluate(q, s))
  if ('any' in p) return p.any.some((q) => evaluate(q, s))
  if ('not' in p) return !evaluate(p.not, s)
  const v = s[p.field]
  if (v == null) return false
  if ('eq' in p) return v === p.eq
  if ('in' in p) return (p.in as unknown[]).includes(v)
  if (typeof v !== 'number') return false
  return (p.min == null || v >= p.min) && (p.max == null || v <= p.max)
}
