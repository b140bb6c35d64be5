import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { activationEmail } from '../mail/activationEmail'
import { subtreeToken } from '../domain/unitTree'

export interface IssueResult {
  created: number
  emailed: number
  skippedExisting: number
  skippedNoEmail: number
  failed: Array<{ staffCode: string; reason: string }>
}

const ACTIVATION_DAYS = 7

/**
 * Account issuance by the IT centre (QĐ 832/QĐ-BNV: "tài khoản do Trung tâm Thông tin cung cấp"): one
 * account per person of a unit subtree who has none yet, with an unusable random password and a one-time
 * activation link (Payload's reset-password token, valid 7 days) sent by e-mail. Running it again creates
 * nothing twice (the database allows one account per staff record) and retries only activations whose
 * e-mail did not go out; accounts made otherwise are left alone.
 */
export async function issueAccounts(payload: Payload, req: PayloadRequest, unitId: number, publicUrl: string): Promise<IssueResult> {
  const result: IssueResult = { created: 0, emailed: 0, skippedExisting: 0, skippedNoEmail: 0, failed: [] }
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
