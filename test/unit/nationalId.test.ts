import { normalizeNationalId, validateNationalId } from '../../src/domain/nationalId'
import { OLD_PROVINCE_CODES } from '../../src/domain/reference/oldProvinceCodes'

describe('OLD_PROVINCE_CODES', () => {
  test('holds exactly the 63 pre-2025 provinces', () => {
    expect(OLD_PROVINCE_CODES.size).toBe(63)
    for (const code of OLD_PROVINCE_CODES.keys()) expect(code).toMatch(/^0\d{2}$/)
    expect(new Set(OLD_PROVINCE_CODES.values()).size).toBe(63)
  })

  test('spot checks, including provinces merged away in 2025', () => {
    expect(OLD_PROVINCE_CODES.get('001')).toBe('Hà Nội')
    expect(OLD_PROVINCE_CODES.get('002')).toBe('Hà Giang')
    expect(OLD_PROVINCE_CODES.get('046')).toBe('Thừa Thiên Huế')
    expect(OLD_PROVINCE_CODES.get('077')).toBe('Bà Rịa - Vũng Tàu')
    expect(OLD_PROVINCE_CODES.get('079')).toBe('Hồ Chí Minh')
    expect(OLD_PROVINCE_CODES.get('096')).toBe('Cà Mau')
    expect(OLD_PROVINCE_CODES.has('003')).toBe(false)
    expect(OLD_PROVINCE_CODES.has('097')).toBe(false)
  })
})

describe('normalizeNationalId', () => {
  test('strips all whitespace', () => {
    expect(normalizeNationalId(' 001 085 012345 ')).toBe('001085012345')
    expect(normalizeNationalId('001\t085012345')).toBe('001085012345')
  })
})

describe('validateNationalId', () => {
  const male1985 = { gender: 'male' as const, birthDate: '1985-07-10' }

  test('accepts a consistent number', () => {
    expect(validateNationalId('001085012345', male1985)).toEqual([])
    expect(validateNationalId('079190000001', { gender: 'female', birthDate: '1990-01-01T00:00:00.000Z' })).toEqual([])
    expect(validateNationalId('048303123456', { gender: 'female', birthDate: new Date(Date.UTC(2003, 4, 2)) })).toEqual(
      [],
    )
    expect(validateNationalId('048200123456', { gender: 'male', birthDate: '2000-12-31' })).toEqual([])
  })

  test('ignores spaces', () => {
    expect(validateNationalId('001 085 012345', male1985)).toEqual([])
  })

  test('accepts a code of a province that no longer exists', () => {
    // Hà Giang (002) merged into Tuyên Quang on 01/07/2025; cards keep 002.
    expect(validateNationalId('002085012345', male1985)).toEqual([])
  })

  test('structure only when gender and birth date are unknown', () => {
    expect(validateNationalId('001185012345', {})).toEqual([])
    expect(validateNationalId('001185012345', { gender: null, birthDate: null })).toEqual([])
  })

  test.each(['00108501234', '0010850123456', '00108501234a', '', '001-085-012345'])(
    'rejects %p: not 12 digits',
    (id) => {
      expect(validateNationalId(id, male1985)).toEqual([
        {
          field: 'nationalId',
          vi: 'Số CCCD phải gồm đúng 12 chữ số',
          en: 'The citizen ID number must have exactly 12 digits',
        },
      ])
    },
  )

  test('rejects an unknown province code', () => {
    const issues = validateNationalId('003085012345', male1985)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.field).toBe('nationalId')
    expect(issues[0]!.vi).toContain('mã tỉnh')
    expect(issues[0]!.vi).toContain('"003"')
    expect(issues[0]!.en).toContain('province code "003"')
  })

  test('rejects a gender mismatch and names it', () => {
    const issues = validateNationalId('001185012345', male1985)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.vi).toContain('không khớp với giới tính')
    expect(issues[0]!.vi).toContain('(nữ)')
    expect(issues[0]!.en).toContain('does not match the gender')
  })

  test('rejects a birth-year mismatch in the last two digits and names it', () => {
    const issues = validateNationalId('001086012345', male1985)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.vi).toBe(
      'Số CCCD không khớp với năm sinh: số CCCD ứng với năm sinh 1986 nhưng hồ sơ ghi năm sinh 1985',
    )
    expect(issues[0]!.en).toContain('year of birth')
  })

  test('rejects a century mismatch (digit 4 says 2000s, record says 1985)', () => {
    const issues = validateNationalId('001285012345', male1985)
    expect(issues.map((i) => i.vi)).toEqual([
      'Số CCCD không khớp với năm sinh: số CCCD ứng với năm sinh 2085 nhưng hồ sơ ghi năm sinh 1985',
    ])
  })

  test('reports gender and year mismatch separately', () => {
    const issues = validateNationalId('001390012345', male1985)
    expect(issues).toHaveLength(2)
    expect(issues[0]!.vi).toContain('giới tính')
    expect(issues[1]!.vi).toContain('năm sinh')
  })

  test('rejects a 4th digit above 5', () => {
    const issues = validateNationalId('001685012345', {})
    expect(issues).toHaveLength(1)
    expect(issues[0]!.vi).toContain('chữ số thứ 4')
  })
})
