import { afterFailure, checkTotp, isValidProof, mfaProof, newTotpSecret, requiresSecondFactor, totpCode } from '../../src/accounts/mfa'

const { secret, uri } = newTotpSecret('hr@bo.gov.vn')
const t0 = new Date('2026-11-25T10:00:15Z')

test('every role that reads personal data or runs the system needs a second factor (unit heads included); staff do not', () => {
  expect(requiresSecondFactor(['staff'])).toBe(false)
  for (const r of ['unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin', 'data-protection-officer', 'archivist']) expect(requiresSecondFactor(['staff', r])).toBe(true)
  expect(uri).toMatch(/^otpauth:\/\/totp\/hoso:hr%40bo\.gov\.vn\?/)
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
})

test('a code is accepted within one step of drift, once, and refused when wrong, malformed or locked', () => {
  const code = totpCode(secret, t0)
  const ok = checkTotp({ secret, code, now: t0 })
  expect(ok.ok).toBe(true)
  const step = (ok as { step: number }).step
  expect(checkTotp({ secret, code: code.slice(0, 3) + ' ' + code.slice(3), now: new Date(t0.getTime() + 29_000) })).toEqual({ ok: true, step })
  expect(checkTotp({ secret, code, now: t0, lastStep: step })).toEqual({ ok: false, reason: 'replayed' })
  expect(checkTotp({ secret, code, now: new Date(t0.getTime() + 95_000) })).toEqual({ ok: false, reason: 'wrong' })
  expect(checkTotp({ secret, code: '12a456', now: t0 })).toEqual({ ok: false, reason: 'format' })
  expect(checkTotp({ secret, code, now: t0, lockedUntil: new Date(t0.getTime() + 1) })).toEqual({ ok: false, reason: 'locked' })
  expect(checkTotp({ secret: newTotpSecret('x').secret, code, now: t0 }).ok).toBe(false)
})

test('the fifth wrong code locks codes for 15 minutes and resets the counter', () => {
  expect(afterFailure(0, t0)).toEqual({ failures: 1, lockedUntil: null })
  expect(afterFailure(4, t0)).toEqual({ failures: 0, lockedUntil: new Date(t0.getTime() + 15 * 60_000) })
})

test('a proof belongs to one session and one key', () => {
  const proof = mfaProof('k1', 'sid-a')
  expect(isValidProof('k1', 'sid-a', proof)).toBe(true)
  expect(isValidProof('k1', 'sid-b', proof)).toBe(false)
  expect(isValidProof('k2', 'sid-a', proof)).toBe(false)
  expect(isValidProof('k1', undefined, proof)).toBe(false)
  expect(isValidProof('k1', 'sid-a', proof.slice(0, -1) + (proof.endsWith('A') ? 'B' : 'A'))).toBe(false)
})
