// What people read, in pure pieces: an audit event's changes in words (labels, dd/mm/yyyy, options, masked values),
// every date field shown day first, the deployment setting apart from NODE_ENV, the second factor's `next` kept
// on this site, and the role-request line by name.
import type { CollectionConfig, Field } from 'payload'

import { withDayFirstDates } from '../../collections/shared/dayFirstDates'
import { noteSecondFactor, secondFactorPassed } from '../../src/accounts/actor'
import { mfaProof } from '../../src/accounts/mfa'
import { roleRequestSummary } from '../../src/accounts/roleOptions'
import { safeNextPath } from '../../src/accounts/secondFactor'
import { changeRows } from '../../src/audit/changeTable'
import { isProductionDeployment } from '../../src/domain/deployment'
import { walkFields } from '../../src/schema/fields'

const label = (vi: string, en: string) => ({ vi, en })
const schema = walkFields([
  { name: 'hometown', type: 'text', label: label('Quê quán', 'Home town') },
  { name: 'birthDate', type: 'date', label: label('Ngày sinh', 'Date of birth') },
  { name: 'fromMonth', type: 'date', label: label('Từ tháng', 'From'), admin: { date: { pickerAppearance: 'monthOnly' } } },
  { name: 'gender', type: 'select', label: label('Giới tính', 'Gender'), options: [{ value: 'female', label: label('Nữ', 'Female') }] },
  { name: 'ethnicity', type: 'relationship', relationTo: 'codes', label: label('Dân tộc', 'Ethnicity') },
  { name: 'economy', type: 'group', label: label('Kinh tế', 'Economy'), fields: [{ name: 'landOwned', type: 'text', label: label('Đất ở', 'Land') }] },
  { name: 'partyMember', type: 'checkbox', label: label('Đảng viên', 'Party member') },
] as unknown as Field[])

test('an audit change reads as labelled before → after values in words', () => {
  const rows = changeRows(
    schema,
    [
      { field: 'hometown', before: 'Xã A', after: 'Xã B' },
      { field: 'birthDate', before: '1979-07-12T00:00:00.000Z', after: '1979-12-07T12:00:00.000Z' },
      { field: 'fromMonth', before: null, after: '2020-03-01T00:00:00.000Z' },
      { field: 'gender', before: null, after: 'female' },
      { field: 'ethnicity', before: 3, after: 4 },
      { field: 'economy.landOwned', before: '', after: '50 m²' },
      { field: 'partyMember', before: false, after: true },
      { field: 'nationalId', before: 'hmac:0123456789abcdef', after: null, masked: true },
    ],
    new Map([['codes:4', 'Tày']]),
  )
  expect(rows.map((r) => [r.label.vi, r.before.vi, r.after.vi])).toEqual([
    ['Quê quán', 'Xã A', 'Xã B'],
    ['Ngày sinh', '12/07/1979', '07/12/1979'],
    ['Từ tháng', '—', '03/2020'],
    ['Giới tính', '—', 'Nữ'],
    ['Dân tộc', '#3', 'Tày'],
    ['Kinh tế — Đất ở', '—', '50 m²'],
    ['Đảng viên', 'Không', 'Có'],
    ['nationalId', 'đã che (thông tin nhạy cảm)', '—'],
  ])
  expect(rows[1]!.after.en).toBe('07/12/1979')
})

test('every date field without a format of its own is shown day first, in tabs, rows, groups and arrays', () => {
  const collection = {
    slug: 'x',
    fields: [
      { name: 'plain', type: 'date' },
      { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'month', type: 'date', admin: { date: { pickerAppearance: 'monthOnly' } } },
      { name: 'own', type: 'date', admin: { date: { displayFormat: 'yyyy' } } },
      { type: 'tabs', tabs: [{ label: 't', fields: [{ type: 'row', fields: [{ name: 'inRow', type: 'date' }] }] }] },
      { name: 'g', type: 'group', fields: [{ name: 'inGroup', type: 'date', admin: { position: 'sidebar' } }] },
      { name: 'a', type: 'array', fields: [{ name: 'inArray', type: 'date' }] },
    ],
  } as unknown as CollectionConfig
  const formats: Record<string, string | undefined> = {}
  const walk = (fields: Field[]) => {
    for (const f of fields as Array<Record<string, any>>) {
      if (f.type === 'date') formats[f.name] = f.admin?.date?.displayFormat
      if (f.fields) walk(f.fields)
      if (f.tabs) for (const t of f.tabs) walk(t.fields)
    }
  }
  walk(withDayFirstDates([collection])[0]!.fields)
  expect(formats).toEqual({ plain: 'dd/MM/yyyy', at: 'dd/MM/yyyy HH:mm', month: 'MM/yyyy', own: 'yyyy', inRow: 'dd/MM/yyyy', inGroup: 'dd/MM/yyyy', inArray: 'dd/MM/yyyy' })
})

test('a deployment is HOSO_DEPLOYMENT=production, not a production build', () => {
  expect(isProductionDeployment({ HOSO_DEPLOYMENT: 'production' })).toBe(true)
  expect(isProductionDeployment({ NODE_ENV: 'production' })).toBe(false)
  expect(isProductionDeployment({ NODE_ENV: 'production', HOSO_DEPLOYMENT: 'demo' })).toBe(false)
})

test("after the second factor the browser goes on to a page of this site only", () => {
  expect(safeNextPath('/admin/collections/staff?limit=10')).toBe('/admin/collections/staff?limit=10')
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '', null, undefined]) expect(safeNextPath(bad)).toBe('/admin')
})

test('a role request is listed by the name and e-mail of its account and the roles in words', () => {
  expect(roleRequestSummary({ email: 'a@hoso.local', displayName: 'Lê Văn A' }, ['unit-hr', 'auditor'])).toBe('Lê Văn A <a@hoso.local> — Cán bộ tổ chức đơn vị, Kiểm tra, giám sát')
  expect(roleRequestSummary({ email: 'a@hoso.local' }, ['sysadmin'])).toBe('a@hoso.local — Quản trị hệ thống')
})

test("a Local API call with the user object alone keeps the second factor its request proved (Payload's join tables)", () => {
  const before = process.env.HOSO_REQUIRE_MFA
  process.env.HOSO_REQUIRE_MFA = 'true'
  try {
    const secret = 'test-secret'
    const payload = { secret }
    const req = (user: object, headers = new Headers()) => ({ payload, user, headers, context: {} }) as never
    const user = { id: 2, collection: 'accounts', roles: ['unit-hr'], _sid: 'sid-1' }
    const proved = new Headers({ cookie: `hoso-mfa=${encodeURIComponent(mfaProof(secret, 'sid-1'))}` })
    // Another object for the same account and session, never seen with a proof: refused.
    expect(secondFactorPassed(req({ ...user }))).toBe(false)
    expect(noteSecondFactor(user, proved, secret)).toBe(true)
    // Payload's buildTableState: payload.find({ user: req.user }) makes a request without headers around the same object.
    expect(secondFactorPassed(req(user))).toBe(true)
    expect(secondFactorPassed(req({ ...user }))).toBe(false)
    // A wrong proof marks nothing.
    const other = { ...user, _sid: 'sid-2' }
    expect(noteSecondFactor(other, proved, secret)).toBe(false)
    expect(secondFactorPassed(req(other))).toBe(false)
  } finally {
    if (before === undefined) delete process.env.HOSO_REQUIRE_MFA
    else process.env.HOSO_REQUIRE_MFA = before
  }
})
