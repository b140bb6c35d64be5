// Ngạch công chức and chức danh nghề nghiệp (CDNN) viên chức with their salary scales (domain.md §4.4, §7.2).
// Pure data: no Payload, no I/O. Salary coefficients come from Nghị định 204/2004/NĐ-CP: bảng 2 (chuyên môn,
// nghiệp vụ của cán bộ, công chức) for ngạch, bảng 3 (viên chức trong các đơn vị sự nghiệp) for CDNN.
//
// UNCERTAIN (domain.md §4.4): the codes below have not been checked against the official texts; 01.003 has
// been seen in real use. Each entry names the text it is believed to come from.

export type RankGroup = 'A3.1' | 'A3.2' | 'A2.1' | 'A2.2' | 'A1' | 'A0' | 'B' | 'C1' | 'C2' | 'C3'

export type SalaryTable = 'NĐ 204/2004 bảng 2' | 'NĐ 204/2004 bảng 3'

export interface RankEntry {
  code: string
  name: string
  kind: 'ngach' | 'cdnn'
  group: RankGroup
  salaryTable: SalaryTable
  coefficients: number[]
  validFrom?: string
  validTo?: string
  source?: string
}

/**
 * Each scale is arithmetic: first coefficient, increment per step, number of steps (NĐ 204/2004 bảng 2; the
 * A and B groups of bảng 3 are identical). The generated values are checked in tests against the printed table.
 * UNCERTAIN: bảng 3's loại C groups are believed to differ from bảng 2's (e.g. a nhân viên nhà xác group from
 * 2,00); no rank below uses a C group, so C1–C3 here are bảng 2's.
 */
const SCALE_PARAMS: Readonly<Record<RankGroup, readonly [first: number, increment: number, steps: number]>> = {
  'A3.1': [6.2, 0.36, 6],
  'A3.2': [5.75, 0.36, 6],
  'A2.1': [4.4, 0.34, 8],
  'A2.2': [4.0, 0.34, 8],
  A1: [2.34, 0.33, 9],
  A0: [2.1, 0.31, 10],
  B: [1.86, 0.2, 12],
  C1: [1.65, 0.18, 12],
  C2: [1.5, 0.18, 12],
  C3: [1.35, 0.18, 12],
}

function arithmeticScale(first: number, increment: number, steps: number): readonly number[] {
  // Work in hundredths so that 2.34 + 0.33 is exactly 2.67, not 2.6699999999999995.
  const a = Math.round(first * 100)
  const d = Math.round(increment * 100)
  return Object.freeze(Array.from({ length: steps }, (_, i) => (a + i * d) / 100))
}

/** Salary coefficients (hệ số lương) by group; index 0 is bậc 1. */
export const SALARY_SCALES: Readonly<Record<RankGroup, readonly number[]>> = Object.freeze(
  Object.fromEntries(
    (Object.keys(SCALE_PARAMS) as RankGroup[]).map((g) => [g, arithmeticScale(...SCALE_PARAMS[g])]),
  ) as Record<RankGroup, readonly number[]>,
)

type RankRow = [code: string, name: string, group: RankGroup, source?: string]

function ranks(kind: RankEntry['kind'], rows: RankRow[]): RankEntry[] {
  const salaryTable: SalaryTable = kind === 'ngach' ? 'NĐ 204/2004 bảng 2' : 'NĐ 204/2004 bảng 3'
  return rows.map(([code, name, group, source]) => {
    const entry: RankEntry = { code, name, kind, group, salaryTable, coefficients: [...SALARY_SCALES[group]] }
    if (source !== undefined) entry.source = source
    Object.freeze(entry.coefficients)
    return Object.freeze(entry)
  })
}

const NGACH = ranks('ngach', [
  // Hành chính (TT 02/2021/TT-BNV). The legacy codes 01.007–01.011 are inactive and not listed.
  ['01.001', 'Chuyên viên cao cấp', 'A3.1', 'TT 02/2021/TT-BNV'],
  ['01.002', 'Chuyên viên chính', 'A2.1', 'TT 02/2021/TT-BNV'],
  ['01.003', 'Chuyên viên', 'A1', 'TT 02/2021/TT-BNV'],
  ['01.004', 'Cán sự', 'A0', 'TT 02/2021/TT-BNV'],
  ['01.005', 'Nhân viên', 'B', 'TT 02/2021/TT-BNV'],
  // Văn thư (TT 02/2021/TT-BNV).
  ['02.006', 'Văn thư viên chính', 'A2.1', 'TT 02/2021/TT-BNV'],
  ['02.007', 'Văn thư viên', 'A1', 'TT 02/2021/TT-BNV'],
  ['02.008', 'Văn thư viên trung cấp', 'A0', 'TT 02/2021/TT-BNV'],
  // Thanh tra: the text setting these codes is UNCERTAIN (no source recorded).
  ['04.023', 'Thanh tra viên cao cấp', 'A3.1'],
  ['04.024', 'Thanh tra viên chính', 'A2.1'],
  ['04.025', 'Thanh tra viên', 'A1'],
  // Kế toán (TT 29/2022/TT-BTC). NĐ 204/2004 bảng 2 lists Kế toán viên cao cấp under A3 nhóm 2 (A3.2) and
  // Kế toán viên chính under A2 nhóm 2 (A2.2), not A3.1 / A2.1 like the other senior ngạch; TT 77/2019/TT-BTC
  // and TT 29/2022/TT-BTC are believed to keep that (UNCERTAIN, verify against Điều on xếp lương).
  ['06.029', 'Kế toán viên cao cấp', 'A3.2', 'TT 29/2022/TT-BTC'],
  ['06.030', 'Kế toán viên chính', 'A2.2', 'TT 29/2022/TT-BTC'],
  ['06.031', 'Kế toán viên', 'A1', 'TT 29/2022/TT-BTC'],
  ['06.032', 'Kế toán viên trung cấp', 'A0', 'TT 29/2022/TT-BTC'],
])

const CDNN = ranks('cdnn', [
  // Giảng viên giáo dục đại học (TT 40/2020/TT-BGDĐT). Trợ giảng is "hạng III" and is believed to be paid
  // as viên chức loại A1 (like Giảng viên), not A0 (UNCERTAIN, verify Điều on xếp lương of TT 40/2020).
  ['V.07.01.01', 'Giảng viên cao cấp', 'A3.1', 'TT 40/2020/TT-BGDĐT'],
  ['V.07.01.02', 'Giảng viên chính', 'A2.1', 'TT 40/2020/TT-BGDĐT'],
  ['V.07.01.03', 'Giảng viên', 'A1', 'TT 40/2020/TT-BGDĐT'],
  ['V.07.01.23', 'Trợ giảng', 'A1', 'TT 40/2020/TT-BGDĐT'],
  // Bác sĩ (TTLT 10/2015/TTLT-BYT-BNV).
  ['V.08.01.01', 'Bác sĩ cao cấp', 'A3.1', 'TTLT 10/2015/TTLT-BYT-BNV'],
  ['V.08.01.02', 'Bác sĩ chính', 'A2.1', 'TTLT 10/2015/TTLT-BYT-BNV'],
  ['V.08.01.03', 'Bác sĩ', 'A1', 'TTLT 10/2015/TTLT-BYT-BNV'],
  // Điều dưỡng (TTLT 26/2015/TTLT-BYT-BNV).
  ['V.08.05.11', 'Điều dưỡng hạng II', 'A2.2', 'TTLT 26/2015/TTLT-BYT-BNV'],
  ['V.08.05.12', 'Điều dưỡng hạng III', 'A1', 'TTLT 26/2015/TTLT-BYT-BNV'],
  ['V.08.05.13', 'Điều dưỡng hạng IV', 'B', 'TTLT 26/2015/TTLT-BYT-BNV'],
  // Left out, UNCERTAIN (add once checked): the teacher CDNN of domain.md §4.4 (V.07.02–V.07.05); CDNN for
  // the IT centre — V.11.06.12–15 were "Quản trị viên hệ thống hạng I–IV" under TT 02/2018/TT-BNV and are
  // believed to be "Công nghệ thông tin hạng I–IV" since TT 08/2022/TT-BTTTT; V.11.05.09–11 An toàn thông tin;
  // for the institute Nghiên cứu viên (V.05.01.01–03?) and for the press Biên tập viên / Phóng viên
  // (V.11.01 / V.11.02?).
])

/** All known ngạch and CDNN. Read-only (entries are frozen). */
export const RANKS: readonly RankEntry[] = Object.freeze([...NGACH, ...CDNN])

const BY_CODE = new Map(RANKS.map((r) => [r.code, r]))

/** Normalises a typed code: trims, upper-cases "v." and accepts "V07.01.01" for "V.07.01.01". */
function normalizeCode(code: string): string {
  const c = code.trim().toUpperCase()
  return /^V\d/.test(c) ? `V.${c.slice(1)}` : c
}

export function findRank(code: string | null | undefined): RankEntry | undefined {
  if (code === null || code === undefined) return undefined
  return BY_CODE.get(normalizeCode(code))
}

/** The salary scale of a rank: `code` is the scale's group (e.g. "A1") and its coefficients, bậc 1 first. */
export function rankScale(code: string | null | undefined): { code: string; coefficients: number[] } | null {
  const r = findRank(code)
  return r ? { code: r.group, coefficients: [...r.coefficients] } : null
}

/** Hệ số lương of a rank at a step (bậc, 1-based); null for an unknown rank or a step outside the scale. */
export function coefficientFor(code: string | null | undefined, step: number): number | null {
  const r = findRank(code)
  if (!r || !Number.isInteger(step) || step < 1 || step > r.coefficients.length) return null
  return r.coefficients[step - 1]!
}
