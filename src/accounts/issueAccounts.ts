import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { activationEmail } from '../mail/activationEmail'
import { checkActivationAddress, parseDomains, parseHoldDays } from '../domain/activationAddress'
import { transactionDb } from '../db/pool'
import { ISSUING_ACCOUNT } from './contextFlags'
import { subtreeToken } from '../domain/unitTree'

export interface IssueResult {
  created: number
  emailed: number
  skippedExisting: number
  skippedNoEmail: number
  /** Records whose address may not receive an activation link (src/domain/activationAddress.ts); no account is made. */
  held: Array<{ staffCode: string; reason: string; message: string; until?: string }>
  failed: Array<{ staffCode: string; reason: string }>
}

const ACTIVATION_DAYS = 7

/**
 * Account issuance by the IT centre (QĐ 832/QĐ-BNV: "tài khoản do Trung tâm Thông tin cung cấp"): one
 * account per person of a unit subtree who has none yet, with an unusable random password and a one-time
 * activation link (Payload's reset-password token, valid 7 days) sent by e-mail. Running it again creates
 * nothing twice (the database allows one account per staff record) and retries only activations whose
 * e-mail did not go out; accounts made otherwise are left alone. A record whose address may not receive the
 * link (src/domain/activationAddress.ts: outside the agency's domains, shared, or changed recently) gets no
 * account and is reported as held.
 */
export async function issueAccounts(payload: Payload, req: PayloadRequest, unitId: number, publicUrl: string): Promise<IssueResult> {
  const result: IssueResult = { created: 0, emailed: 0, skippedExisting: 0, skippedNoEmail: 0, held: [], failed: [] }
  const staff = await payload.find({
    collection: 'staff',
    where: { unitPath: { like: subtreeToken(unitId) } },
    select: { staffCode: true, fullName: true, email: true },
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = await payload.find({
    collection: 'accounts',
    where: { staff: { in: staff.docs.map((s) => s.id) } },
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
    req,
  })
  const byStaff = new Map(existing.docs.map((a) => [typeof a.staff === 'object' ? a.staff?.id : a.staff, a]))
  const facts = await addressFacts(payload, req, staff.docs.map((s) => s.id))
  const domains = parseDomains(process.env.HOSO_ACCOUNT_EMAIL_DOMAINS)
  const holdDays = parseHoldDays(process.env.HOSO_ACCOUNT_EMAIL_HOLD_DAYS)
  const language = req.i18n?.language === 'en' ? 'en' : 'vi'
  for (const person of staff.docs) {
    const account = byStaff.get(person.id)
    if (account && !account.activationPending) {
      result.skippedExisting++
      continue
    }
    if (!person.email) {
      result.skippedNoEmail++
      continue
    }
    if (!account) {
      const f = facts.get(person.id)
      const check = checkActivationAddress({ email: person.email, domains, holdDays, now: new Date(), usedElsewhere: Boolean(f?.usedElsewhere), lastChangedAt: f?.lastChangedAt ?? null })
      if (!check.ok) {
        result.held.push({ staffCode: person.staffCode, reason: check.reason, message: check[language], ...(check.until ? { until: check.until.toISOString() } : {}) })
        continue
      }
    }
    try {
      const doc =
        account ??
        (await payload.create({
          collection: 'accounts',
          data: {
            email: person.email,
            // Never told to anyone: the person chooses their own password through the activation link.
            password: crypto.randomBytes(32).toString('base64url'),
            roles: ['staff'],
            staff: person.id,
            displayName: person.fullName,
            activationPending: true,
          },
          overrideAccess: true,
          context: { [ISSUING_ACCOUNT]: true },
          req,
        }))
      if (!account) result.created++
      const token = crypto.randomBytes(20).toString('hex')
      const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000)
      await payload.db.updateOne({
        collection: 'accounts',
        id: doc.id,
        data: { resetPasswordToken: token, resetPasswordExpiration: expiresAt.toISOString() },
        req,
      })
      // A retry goes to the address the account was created with, not to a record e-mail edited since.
      const to = doc.email
      const mail = activationEmail({
        fullName: person.fullName,
        email: to,
        link: `${publicUrl.replace(/\/$/, '')}/admin/reset/${token}`,
        expiresAt,
      })
      await payload.sendEmail({ to, ...mail })
      await payload.update({ collection: 'accounts', id: doc.id, data: { activationSentAt: new Date().toISOString(), activationPending: false }, overrideAccess: true, req })
      result.emailed++
    } catch (err) {
      result.failed.push({ staffCode: person.staffCode, reason: err instanceof Error ? err.message : String(err) })
    }
  }
  return result
}

/**
 * For each record: whether another account or another staff record uses its address (case-insensitive), and
 * when the address last changed (the database logs every change: migrations/*_staff_email_changes.ts).
 */
async function addressFacts(payload: Payload, req: PayloadRequest, staffIds: number[]): Promise<Map<number, { usedElsewhere: boolean; lastChangedAt: Date | null }>> {
  if (!staffIds.length) return new Map()
  const db = await transactionDb(payload, req)
  const { rows } = (await db.execute(sql`
    SELECT s.id,
           EXISTS (SELECT 1 FROM accounts a WHERE lower(a.email) = lower(s.email) AND a.staff_id IS DISTINCT FROM s.id)
             OR EXISTS (SELECT 1 FROM staff o WHERE lower(o.email) = lower(s.email) AND o.id <> s.id) AS "usedElsewhere",
           (SELECT max(c.changed_at) FROM staff_email_changes c WHERE c.staff_id = s.id) AS "lastChangedAt"
      FROM staff s
     WHERE s.id = ANY(string_to_array(${staffIds.join(',')}, ',')::int[]) AND s.email IS NOT NULL`)) as unknown as {
    rows: Array<{ id: number; usedElsewhere: boolean; lastChangedAt: string | Date | null }>
  }
  return new Map(rows.map((r) => [Number(r.id), { usedElsewhere: r.usedElsewhere, lastChangedAt: r.lastChangedAt ? new Date(r.lastChangedAt) : null }]))
}
