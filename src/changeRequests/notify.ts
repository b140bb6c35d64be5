import type { PayloadRequest } from 'payload'

import { decisionEmail } from '../mail/decisionEmail'

/**
 * Tells the author of a request that HR approved or returned it (with the reason). Runs after the
 * decision is committed; a mail failure is logged and never undoes the decision.
 */
export async function notifyDecision(
  req: PayloadRequest,
  input: { status: string; authorId: number; staffName: string; reason?: string },
): Promise<void> {
  if (input.status !== 'approved' && input.status !== 'returned') return
  try {
    const author = await req.payload.findByID({ collection: 'accounts', id: input.authorId, depth: 0, overrideAccess: true })
    if (!author?.email) return
    const base = (process.env.PUBLIC_URL ?? req.payload.config.serverURL ?? '').replace(/\/$/, '')
    const message = decisionEmail({
      fullName: input.staffName,
      approved: input.status === 'approved',
      reason: input.reason,
      link: `${base}/ho-so-cua-toi`,
    })
    await req.payload.sendEmail({ to: author.email, ...message })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'change request decision e-mail failed', requestAuthor: input.authorId })
  }
}
