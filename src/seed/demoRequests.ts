import { createLocalReq, type Payload } from 'payload'

import { actOnOwn, decide, loadOfficial, openRequestOf, saveOwn } from '../changeRequests/workflow'

const HOMETOWNS = ['Xã Nghĩa Hành, tỉnh Quảng Ngãi', 'Xã Tiên Du, tỉnh Bắc Ninh', 'Phường Hội An, thành phố Đà Nẵng', 'Xã Cẩm Giàng, thành phố Hải Phòng', 'Xã Nam Đàn, tỉnh Nghệ An']

type Account = { id: number; email: string; staff: number | null; roles: string[] }

const accountReq = (payload: Payload, account: Account, context: Record<string, unknown> = {}) =>
  createLocalReq({ user: { ...account, collection: 'accounts' } as never, context }, payload)

/**
 * Declarations to review in the demo, made through the same workflow a person and HR use: `pending` people of the
 * cast submit a new home town (HR sees them waiting), and `returned` more are sent back by ministry HR with a
 * reason (the person sees what to correct). Runs after the demo data is committed; any refusal stops it loudly.
 */
export async function seedDemoRequests(payload: Payload, accounts: Account[], decider: Account, o: { pending: number; returned: number }) {
  const people = accounts.filter((a) => a.staff != null).slice(0, o.pending + o.returned)
  let made = 0
  for (const [i, account] of people.entries()) {
    const req = await accountReq(payload, account)
    const official = await loadOfficial(req, account.staff!)
    await saveOwn(req, { fields: { hometown: HOMETOWNS[i % HOMETOWNS.length] }, stamp: official.stamp, revision: null })
    const draft = await openRequestOf(req, account.staff!)
    await actOnOwn(req, 'submit', draft!.revision)
    if (i >= o.pending) {
      // The decider's own request passed a second factor in person; the seed acts for them (as jobs do).
      const hr = await accountReq(payload, decider, { secondFactorOfRequest: true })
      const submitted = await openRequestOf(hr, account.staff!)
      await decide(hr, submitted!.id, 'return', submitted!.revision, 'Quê quán cần ghi theo địa danh sau sáp nhập và kèm giấy tờ chứng minh.')
    }
    made++
  }
  return made
}
