import type { PayloadRequest } from 'payload'

export type PrintKind = '2c' | 'hs02' | 'review'

/**
 * Call point for the audit trail: every served print of a record passes here (who, which record, which
 * form). It records nothing yet; the audit-trail work fills it in.
 */
export async function recordPrint(_req: PayloadRequest, _staffId: number, _kind: PrintKind): Promise<void> {}
