import { RANKS, SALARY_SCALES, coefficientFor, findRank, rankScale } from '../../src/domain/reference/ranks'

// NĐ 204/2004/NĐ-CP bảng 2 / bảng 3, as printed (domain brief), transcribed independently of the generator.
const PRINTED: Record<string, number[]> = {
  'A3.1': [6.2, 6.56, 6.92, 7.28, 7.64, 8.0],
  'A3.2': [5.75, 6.11, 6.47, 6.83, 7.19, 7.55],
  'A2.1': [4.4, 4.74, 5.08, 5.42, 5.76, 6.1, 6.44, 6.78],
  'A2.2': [4.0, 4.34, 4.68, 5.02, 5.36, 5.7, 6.04, 6.38],
  A1: [2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98],
  A0: [2.1, 2.41, 2.72, 3.03, 3.34, 3.65, 3.96, 4.27, 4.58, 4.89],
  B: [1.86, 2.06, 2.26, 2.46, 2.66, 2.86, 3.06, 3.26, 3.46, 3.66, 3.86, 4.06],
  C1: [1.65, 1.83, 2.01, 2.19, 2.37, 2.55, 2.73, 2.91, 3.09, 3.27, 3.45, 3.63],
  C2: [1.5, 1.68, 1.86, 2.04, 2.22, 2.4, 2.58, 2.76, 2.94, 3.12, 3.3, 3.48],
  C3: [1.35, 1.53, 1.71, 1.89, 2.07, 2.25, 2.43, 2.61, 2.79, 2.97, 3.15, 3.33],
}

describe('salary scales (NĐ 204/2004)', () => {
  test('the generated scales equal the printed tables exactly', () => {
    expect(Object.keys(SALARY_SCALES).sort()).toEqual(Object.keys(PRINTED).sort())
    for (const [group, printed] of Object.entries(PRINTED)) {
      expect([...SALARY_SCALES[group as keyof typeof SALARY_SCALES]]).toEqual(printed)
    }
  })

  test('each scale is strictly increasing and has two decimals at most', () => {
    for (const scale of Object.values(SALARY_SCALES)) {
      for (let i = 1; i < scale.length; i++) expect(scale[i]!).toBeGreaterThan(scale[i - 1]!)
      for (const c of scale) expect(Math.round(c * 100) / 100).toBe(c)
    }
  })

  test('scales cannot be mutated through the export', () => {
    expect(Object.isFrozen(SALARY_SCALES)).toBe(true)
    expect(Object.isFrozen(SALARY_SCALES.A1)).toBe(true)
  })
})

describe('ranks (§4.4)', () => {
  test('codes are unique, names NFC, coefficients come from the group scale', () => {
    expect(new Set(RANKS.map((r) => r.code)).size).toBe(RANKS.length)
    for (const r of RANKS) {
      expect(r.name).toBe(r.name.normalize('NFC'))
      expect(r.coefficients).toEqual([...SALARY_SCALES[r.group]])
    }
  })

  test('ngạch use bảng 2, CDNN use bảng 3', () => {
    for (const r of RANKS) {
      expect(r.salaryTable).toBe(r.kind === 'ngach' ? 'NĐ 204/2004 bảng 2' : 'NĐ 204/2004 bảng 3')
      if (r.kind === 'cdnn') expect(r.code).toMatch(/^V\.\d{2}\.\d{2}\.\d{2}$/)
      else expect(r.code).toMatch(/^\d{2}\.\d{3}$/)
    }
  })

  test.each([
    ['01.001', 'Chuyên viên cao cấp', 'A3.1'],
    ['01.002', 'Chuyên viên chính', 'A2.1'],
    ['01.003', 'Chuyên viên', 'A1'],
    ['01.004', 'Cán sự', 'A0'],
    ['01.005', 'Nhân viên', 'B'],
    ['02.007', 'Văn thư viên', 'A1'],
    ['04.023', 'Thanh tra viên cao cấp', 'A3.1'],
    ['06.031', 'Kế toán viên', 'A1'],
    ['V.07.01.01', 'Giảng viên cao cấp', 'A3.1'],
    ['V.08.01.03', 'Bác sĩ', 'A1'],
    ['V.08.05.11', 'Điều dưỡng hạng II', 'A2.2'],
    ['V.08.05.13', 'Điều dưỡng hạng IV', 'B'],
  ])('%s is %s (%s)', (code, name, group) => {
    expect(findRank(code)).toMatchObject({ code, name, group })
  })

  test('findRank tolerates spacing, case and a missing dot after V', () => {
    expect(findRank(' 01.003 ')?.name).toBe('Chuyên viên')
    expect(findRank('v.08.01.03')?.name).toBe('Bác sĩ')
    expect(findRank('V08.01.03')?.name).toBe('Bác sĩ')
    expect(findRank('99.999')).toBeUndefined()
    expect(findRank(null)).toBeUndefined()
  })

  test('coefficientFor(01.003, 2) = 2,67 and other steps', () => {
    expect(coefficientFor('01.003', 2)).toBe(2.67)
    expect(coefficientFor('01.003', 1)).toBe(2.34)
    expect(coefficientFor('01.003', 9)).toBe(4.98)
    expect(coefficientFor('01.001', 6)).toBe(8.0)
    expect(coefficientFor('01.005', 12)).toBe(4.06)
  })

  test('coefficientFor is null outside the scale or for an unknown rank', () => {
    expect(coefficientFor('01.003', 0)).toBeNull()
    expect(coefficientFor('01.003', 10)).toBeNull()
    expect(coefficientFor('01.003', 1.5)).toBeNull()
    expect(coefficientFor('nope', 1)).toBeNull()
  })

  test('rankScale returns the group and a copy of its coefficients', () => {
    const s = rankScale('V.08.05.12')!
    expect(s).toEqual({ code: 'A1', coefficients: PRINTED.A1 })
    s.coefficients.push(99)
    expect(rankScale('V.08.05.12')!.coefficients).toEqual(PRINTED.A1)
    expect(rankScale('nope')).toBeNull()
  })
})
