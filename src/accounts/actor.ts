import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { recordScope, type Actor } from '../domain/access'
import { activeGrants, type GrantInput } from '../domain/grants'
import { isValidProof, requiresSecondFactor, SECOND_FACTOR_ROLES } from './mfa'
import { relationId } from '../domain/relationId'
import { transactionDb } from '../db/pool'


/** The cookie (or, for API clients, the `X-Hoso-Mfa` header) carrying the session's second-factor proof. */
export const MFA_COOKIE = 'hoso-mfa'

function cookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}

/**
 * Whether this session passed the second factor (src/accounts/mfa.ts). Always true when
 * HOSO_REQUIRE_MFA=false (a deployment that signs in through an SSO doing its own second factor).
 */
export function secondFactorPassed(req: PayloadRequest): boolean {
  if (process.env.HOSO_REQUIRE_MFA === 'false') return true
  // A job working on behalf of an account whose request passed the second factor (jobs/signing). Only
  // server code sets req.context; nothing from a client reaches it.
  if ((req.context as { secondFactorOfRequest?: boolean } | undefined)?.secondFactorOfRequest === true) return true
  if (req.user && PROVEN.has(req.user)) return true
  return noteSecondFactor(req.user, req.headers as Headers | undefined, req.payload.secret)
}

/**
 * Accounts whose own HTTP request carried a valid proof for its session, by object identity. Payload's admin
 * builds some of its data with a Local API call that passes only `user` (no request, so no cookie): the
 * join-field tables of an edit view (`buildTableState` → `payload.find({ user })`). That call gets the same
 * user object, so it keeps the rights its request proved; a user object is made afresh for every request.
 */
const PROVEN = new WeakSet<object>()

/** Checks the proof in `headers` for the user's session and remembers the user object when it holds. */
export function noteSecondFactor(user: unknown, headers: Headers | undefined, secret: string): boolean {
  const sid = (user as { _sid?: string } | null)?._sid
  const proof = headers?.get?.('x-hoso-mfa') ?? cookie(headers?.get?.('cookie'), MFA_COOKIE)
  const passed = isValidProof(secret, sid, proof)
  if (passed && user && typeof user === 'object') PROVEN.add(user)
  return passed
}

/** The signed-in account as the domain's Actor (roles, unit in charge, own staff record). */
export function actorOf(req: PayloadRequest): Actor | null {
  const user = req.user as { collection?: string; roles?: string[]; unit?: unknown; staff?: unknown; disabled?: boolean } | null
  // A disabled account holds no rights, even with a session opened before it was disabled.
  if (!user || user.collection !== 'accounts' || user.disabled) return null
  let roles = user.roles ?? []
  // A password alone opens one's own record only: every other role waits for the second factor.
  if (requiresSecondFactor(roles) && !secondFactorPassed(req)) roles = roles.filter((r) => !(SECOND_FACTOR_ROLES as readonly string[]).includes(r))
  return { roles, unitId: relationId(user.unit), staffId: relationId(user.staff) }
}

/**
 * The actor with their approved, in-date purpose-bound grants, loaded once per request (kept in
 * req.context) with one indexed SQL query — this runs on every record request, so it skips the
 * Local API's overhead. The rule itself (status, dates) is the domain's `activeGrants`.
 */
export async function actorWithGrants(req: PayloadRequest): Promise<Actor | null> {
  const actor = actorOf(req)
  if (!actor) return null
  const context = req.context as { hosoActor?: Actor }
  if (context.hosoActor) return context.hosoActor
  // Grants widen a duty's reach; a duty that already reaches every record (ministry HR) has nothing to widen
  // and no purpose to log: no query.
  if (recordScope(actor, 'update').kind === 'all') return (context.hosoActor = { ...actor, grants: [] })
  // On the request's transaction when there is one: a second pool connection taken while a write
  // transaction holds one can exhaust the pool under concurrent writes (every request waiting on another).
  const db = await transactionDb(req.payload, req)
  const { rows } = (await db.execute(sql`
    SELECT g.action, g.purpose, g.status, g.valid_from AS "validFrom", g.valid_to AS "validTo",
           coalesce(array_agg(r.units_id) FILTER (WHERE r.units_id IS NOT NULL), '{}') AS "unitIds",
           coalesce(array_agg(r.staff_id) FILTER (WHERE r.staff_id IS NOT NULL), '{}') AS "staffIds"
      FROM access_grants g LEFT JOIN access_grants_rels r ON r.parent_id = g.id
     WHERE g.grantee_id = ${req.user!.id} AND g.status = 'approved' AND g.valid_to >= now()
     GROUP BY g.id`)) as unknown as { rows: Array<GrantInput & { unitIds: number[]; staffIds: number[] }> }
  const withGrants: Actor = { ...actor, grants: activeGrants(rows, new Date()) }
  context.hosoActor = withGrants
  return withGrants
}
