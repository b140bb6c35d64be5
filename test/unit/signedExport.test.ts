import { formatCode, nextStep, normaliseCode, verificationCode } from '../../src/domain/signing/signedExport'

describe('signed export steps (NĐ 30/2020 Điều 14: the person signs, then the agency)', () => {
  it('asks for the person first, then the agency, then nothing', () => {
    expect(nextStep({ person: false, agency: false })).toBe('person')
    expect(nextStep({ person: true, agency: false })).toBe('agency')
    expect(nextStep({ person: true, agency: true })).toBe('complete')
  })
  it('refuses an agency signature without the person’s', () => {
    expect(() => nextStep({ person: false, agency: true })).toThrow(/follow/)
  })
})

describe('verification codes', () => {
  it('are 12 Crockford base32 characters, different for different randomness', () => {
    const a = verificationCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))
    const b = verificationCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 9]))
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(a).not.toBe(b)
  })
  it('read back what people type from paper', () => {
    const code = verificationCode(Uint8Array.from([200, 17, 99, 3, 250, 8, 64, 1]))
    expect(normaliseCode(formatCode(code).toLowerCase())).toBe(code)
    expect(normaliseCode(' 7kq2-m9tx-4hpa ')).toBe('7KQ2M9TX4HPA')
    expect(normaliseCode('OOOO-IIII-LLLL')).toBe('000011111111')
    expect(normaliseCode('too-short')).toBeNull()
    expect(normaliseCode('7KQ2-M9TX-4HPU')).toBeNull()
  })
})
