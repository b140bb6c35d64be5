import type { PayloadRequest } from 'payload'

import type { Actor } from '../src/domain/access'
import { activeGrants, type GrantInput } from '../src/domain/grants'
import { relationId, relationIds } from '../src/domain/relationId'


/** The signed-in account as the domain's Actor (roles, unit in charge, own staff record). */
export function actorOf(req: PayloadRequest): Actor | null {
  const user = req.user as { collection?: string; roles?: string[]; unit?: unknown; staff?: unknown } | null
  if (!user || user.collection !== 'accounts') return null
  return { roles: user.roles ?? [], unitId: relationId(user.unit), staffId: relationId(user.staff) }
}

/**
 * The actor with their approved, in-date purpose-bound grants, loaded once per request
 * (kept in req.context) and only for record access decisions.
 */
export async function actorWithGrants(req: PayloadRequest): Promise<Actor | null> {
  const actor = actorOf(req)
  if (!actor) return null
  const context = req.context as { hosoActor?: Actor }
  if (context.hosoActor) return context.hosoActor
  const now = new Date()
  const { docs } = await req.payload.find({
    collection: 'access-grants',
    where: {
      and: [
        { grantee: { equals: req.user!.id } },
        { status: { equals: 'approved' } },
        { validFrom: { less_than_equal: now.toISOString() } },
        { validTo: { greater_than_equal: now.toISOString() } },
      ],
    },
    depth: 0,
    pagination: false,
    limit: 200,
    overrideAccess: true,
    req,
  })
  const withGrants: Actor = {
    ...actor,
    grants: activeGrants(
      docs.map((d) => ({ ...d, grantee: relationId(d.grantee), unitIds: relationIds(d.units), staffIds: relationIds(d.staff) })) as GrantInput[],
      now,
    ),
  }
  context.hosoActor = withGrants
  return withGrants
}
