import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { APPLYING_APPROVED_REQUEST, ISSUING_ACCOUNT, SUPERSEDING } from '../../src/accounts/contextFlags'
import { roleRequestSummary } from '../../src/accounts/roleOptions'
import { recordAuditEvent } from '../../src/audit/record'
import { isSysadmin } from '../../src/domain/access'
import { changedFields } from '../../src/domain/fieldChanges'
import { relationId } from '../../src/domain/relationId'
import { checkRolesWithoutStaff, isBootstrap, splitRoleChange, type Privileges } from '../../src/domain/roleChanges'
import { throwIssues } from '../validationError'

interface PendingEntry {
  email: string
  before: Privileges
  requested: Privileges
  approverRoles: string[]
  bootstrap: boolean
}

const queue = (req: PayloadRequest) => ((req.context as { hosoRoleRequests?: PendingEntry[] }).hosoRoleRequests ??= [])

async function bootstrapFacts(req: PayloadRequest): Promise<{ otherApprovers: number; approvedRequests: number }> {
  // One after the other: both run on the request's transaction (one connection).
  const approvers = await req.payload.count({ collection: 'accounts', where: { and: [{ roles: { in: ['sysadmin', 'ministry-hr'] } }, { id: { not_equals: req.user!.id } }] }, overrideAccess: true, req })
  const approved = await req.payload.count({ collection: 'role-requests', where: { status: { equals: 'approved' } }, overrideAccess: true, req })
  return { otherApprovers: approvers.totalDocs, approvedRequests: approved.totalDocs }
}

/**
 * A system administrator saving an account: roles that read personal data, system roles, the unit of a
 * personal-data role and the link to a staff record are not stored but requested (src/domain/roleChanges.ts); removals apply at once. An
 * account without a staff record may hold system roles only. Writes without a signed-in person (the demo
 * seed, the first-run "create first user" screen, server jobs) are the installation's own and apply as given.
 */
export const requestPrivilegeChanges: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const context = req.context as Record<string, unknown>
  if (!req.user || context[APPLYING_APPROVED_REQUEST] || context[ISSUING_ACCOUNT]) return data
  // Others' writes to these fields are discarded by field access (and refused on their own account).
  if (!isSysadmin(actorOf(req))) return data
  const before: Privileges = { roles: (originalDoc?.roles as string[] | undefined) ?? [], unitId: relationId(originalDoc?.unit), staffId: relationId(originalDoc?.staff) }
  const after: Privileges = {
    roles: (data.roles as string[] | undefined) ?? before.roles,
    unitId: 'unit' in data ? relationId(data.unit) : before.unitId,
    staffId: 'staff' in data ? relationId(data.staff) : before.staffId,
  }
  // Checked when roles or the record link change (older accounts can still be disabled or renamed).
  if (!originalDoc || changedFields(data, originalDoc, ['roles', 'staff']).length) {
    const withoutStaff = checkRolesWithoutStaff(after.roles, after.staffId ?? null)
    if (withoutStaff) throwIssues('accounts', [withoutStaff], req)
  }
  const split = splitRoleChange(before, after)
  if (!split.pending) return data
  const email = String(data.email ?? originalDoc?.email ?? '')
  const bootstrap = isBootstrap(await bootstrapFacts(req))
  queue(req).push({ email, before, requested: split.pending, approverRoles: split.approverRoles, bootstrap })
  if (bootstrap) return data
  data.roles = split.immediate.roles
  data.unit = split.immediate.unitId
  data.staff = split.immediate.staffId ?? null
  return data
}

/** Stores the pending request (superseding an older one for the same account) and records it in the audit trail. */
export const recordRoleRequest: CollectionAfterChangeHook = async ({ doc, req }) => {
  const entries = queue(req)
  const i = entries.findIndex((e) => e.email === doc.email)
  if (i < 0) return doc
  const [entry] = entries.splice(i, 1)
  const e = entry!
  const detail = {
    requestedRoles: e.requested.roles,
    requestedUnit: e.requested.unitId,
    requestedStaff: e.requested.staffId ?? null,
    previousRoles: e.before.roles,
    previousUnit: e.before.unitId,
    previousStaff: e.before.staffId ?? null,
  }
  if (e.bootstrap) {
    await recordAuditEvent(req, { operation: 'grant', collection: 'accounts', recordIds: [doc.id], detail: { ...detail, bootstrap: true } })
    return doc
  }
  await req.payload.update({
    collection: 'role-requests',
    where: { and: [{ account: { equals: doc.id } }, { status: { equals: 'pending' } }] },
    data: { status: 'superseded' },
    overrideAccess: true,
    context: { [SUPERSEDING]: true },
    req,
  })
  const request = await req.payload.create({
    collection: 'role-requests',
    data: {
      account: doc.id,
      summary: roleRequestSummary(doc as { email?: string; displayName?: string | null }, e.requested.roles),
      roles: e.requested.roles as never,
      unit: e.requested.unitId,
      staff: e.requested.staffId ?? null,
      previousRoles: e.before.roles as never,
      approverRoles: e.approverRoles as never,
      requestedBy: Number(req.user!.id),
      status: 'pending',
    },
    overrideAccess: true,
    req,
  })
  await recordAuditEvent(req, { operation: 'grant', collection: 'accounts', recordIds: [doc.id], detail: { ...detail, status: 'pending', roleRequest: request.id } })
  return doc
}
