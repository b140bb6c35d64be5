import { checkActivationAddress, parseDomains, parseHoldDays } from '../../src/domain/activationAddress'

const now = new Date('2026-11-25T08:00:00Z')
const base = { email: 'nguyen.an@bnv.gov.vn', domains: [], usedElsewhere: false, lastChangedAt: null, holdDays: 14, now }

test('an address of its own, unchanged, in the agency domains is used', () => {
  expect(checkActivationAddress(base)).toEqual({ ok: true })
  expect(checkActivationAddress({ ...base, domains: ['bnv.gov.vn'], email: 'Nguyen.An@BNV.gov.vn' })).toEqual({ ok: true })
  expect(checkActivationAddress({ ...base, lastChangedAt: new Date('2026-11-01T00:00:00Z') })).toEqual({ ok: true })
})

test('outside the domains, shared with another account or record, or changed within the hold: not used', () => {
  expect(checkActivationAddress({ ...base, domains: ['bnv.gov.vn'], email: 'an@gmail.com' })).toMatchObject({ ok: false, reason: 'domain' })
  expect(checkActivationAddress({ ...base, usedElsewhere: true })).toMatchObject({ ok: false, reason: 'shared' })
  const held = checkActivationAddress({ ...base, lastChangedAt: new Date('2026-11-20T03:00:00Z') })
  expect(held).toMatchObject({ ok: false, reason: 'recently-changed', until: new Date('2026-12-04T03:00:00Z') })
  expect(held.ok === false && held.vi).toMatch(/từ ngày 04\/12\/2026/)
  expect(checkActivationAddress({ ...base, holdDays: 0, lastChangedAt: new Date('2026-11-25T07:59:00Z') })).toEqual({ ok: true })
})

test('configuration', () => {
  expect(parseDomains(' bnv.gov.vn, @NoiVu.gov.vn ,')).toEqual(['bnv.gov.vn', 'noivu.gov.vn'])
  expect(parseDomains(undefined)).toEqual([])
  expect(parseHoldDays(undefined)).toBe(14)
  expect(parseHoldDays('0')).toBe(0)
  expect(parseHoldDays('x')).toBe(14)
})
