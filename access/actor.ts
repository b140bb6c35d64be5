import type { PayloadRequest } from 'payload'

import type { Actor } from '../src/domain/access'

const idOf = (v: unknown): number | null =>
  v == null ? null : typeof v === 'object' && 'id' in (v as object) ? Number((v as { id: number }).id) : Number(v)

/** The signed-in account as the domain's Actor (roles, unit in charge, own staff record). */
export function actorOf(req: PayloadRequest): Actor | null {
  const user = req.user as { collection?: string; roles?: string[]; unit?: unknown; staff?: unknown } | null
  if (!user || user.collection !== 'accounts') return null
  return { roles: user.roles ?? [], unitId: idOf(user.unit), staffId: idOf(user.staff) }
}
