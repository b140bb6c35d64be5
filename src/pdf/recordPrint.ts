import type { PayloadRequest } from 'payload'

import { recordAuditEvent } from '../audit/record'

export type PrintKind = '2c' | 'hs02' | 'review'

/** Every served print of a record is written to the audit trail: who, which record, which form. */
export async function recordPrint(req: PayloadRequest, staffId: number, kind: PrintKind): Promise<void> {
  await recordAuditEvent(req, { operation: 'print', collection: 'staff', recordIds: [staffId], detail: { form: kind } })
}
