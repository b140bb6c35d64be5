import type { Endpoint } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { issueAccounts } from '../../../src/accounts/issueAccounts'
import { isSysadmin } from '../../../src/domain/access'
import { refusal } from '../../shared/responses'

/** POST /api/accounts/issue { "unit": 7 } — the IT centre issues accounts for a unit subtree. */
export const issueEndpoint: Endpoint = {
  path: '/issue',
  method: 'post',
  handler: async (req) => {
    if (!isSysadmin(actorOf(req))) {
      return refusal(req, 403)
    }
    const body = (await req.json?.().catch(() => ({}))) as { unit?: unknown }
    const unitId = Number(body?.unit)
    if (!Number.isInteger(unitId) || unitId <= 0) {
      const en = req.i18n?.language === 'en'
      return Response.json({ errors: [{ message: en ? 'Choose a unit' : 'Hãy chọn đơn vị' }] }, { status: 400 })
    }
    const origin = process.env.PUBLIC_URL || new URL(req.url ?? 'http://localhost').origin
    const result = await issueAccounts(req.payload, req, unitId, origin)
    return Response.json(result)
  },
}
