import { CODE_LISTS, codeList, findCode, highest, isValidOn, matchKey, type CodeListName } from '../../src/domain/reference/codeLists'

const ALL_LISTS: CodeListName[] = [
  'ethnicity',
  'religion',
  'province',
  'qualification',
  'academic-title',
  'academic-degree',
  'political-theory',
  'state-management',
  'it-level',
  'language-level',
  'evaluation-rating',
  'discipline-form',
  'training-mode',
  'blood-type',
  'relation',
  'training-kind',
  'award-form',
]

// domain.md §4.3, transcribed independently of the module under test.
const PROVINCES_2025: Record<string, string> = {
  '01': 'Thành phố Hà Nội',
  '04': 'Tỉnh Cao Bằng',
  '08': 'Tỉnh Tuyên Quang',
  '11': 'Tỉnh Điện Biên',
  '12': 'Tỉnh Lai Châu',
  '14': 'Tỉnh Sơn La',
  '15': 'Tỉnh Lào Cai',
  '19': 'Tỉnh Thái Nguyên',
  '20': 'Tỉnh Lạng Sơn',
  '22': 'Tỉnh Quảng Ninh',
  '24': 'Tỉnh Bắc Ninh',
  '25': 'Tỉnh Phú Thọ',
  '31': 'Thành phố Hải Phòng',
  '33': 'Tỉnh Hưng Yên',
  '37': 'Tỉnh Ninh Bình',
  '38': 'Tỉnh Thanh Hóa',
  '40': 'Tỉnh Nghệ An',
  '42': 'Tỉnh Hà Tĩnh',
  '44': 'Tỉnh Quảng Trị',
  '46': 'Thành phố Huế',
  '48': 'Thành phố Đà Nẵng',
  '51': 'Tỉnh Quảng Ngãi',
  '52': 'Tỉnh Gia Lai',
  '56': 'Tỉnh Khánh Hòa',
  '66': 'Tỉnh Đắk Lắk',
  '68': 'Tỉnh Lâm Đồng',
  '75': 'Tỉnh Đồng Nai',
  '79': 'Thành phố Hồ Chí Minh',
  '80': 'Tỉnh Tây Ninh',
  '82': 'Tỉnh Đồng Tháp',
  '86': 'Tỉnh Vĩnh Long',
  '91': 'Tỉnh An Giang',
  '92': 'Thành phố Cần Thơ',
  '96': 'Tỉnh Cà Mau',
}

describe('code list data', () => {
  test('every list has entries and every entry belongs to a known list', () => {
    for (const name of ALL_LISTS) expect(codeList(name).length).toBeGreaterThan(0)
    for (const e of CODE_LISTS) expect(ALL_LISTS).toContain(e.list)
  })

  test('no duplicate (list, code) pairs and no duplicate sortOrder within a list', () => {
    const seen = new Set<string>()
    for (const e of CODE_LISTS) {
      const key = `${e.list}\u0000${e.code}`
      expect(seen.has(key)).toBe(false)
      seen.add(key)
    }
    for (const name of ALL_LISTS) {
      const orders = codeList(name).map((e) => e.sortOrder)
      expect(new Set(orders).size).toBe(orders.length)
    }
  })

  test('all names, aliases and sources are NFC-normalised, trimmed and non-empty', () => {
    for (const e of CODE_LISTS) {
      for (const s of [e.name, e.code, ...(e.aliases ?? []), ...(e.source ? [e.source] : [])]) {
        expect(s).toBe(s.normalize('NFC'))
        expect(s).toBe(s.trim())
        expect(s.length).toBeGreaterThan(0)
      }
    }
  })

  test('within a list, no two entries share a name or alias once case, accents and spacing are ignored', () => {
    for (const name of ALL_LISTS) {
      const owner = new Map<string, string>()
      for (const e of codeList(name)) {
        for (const n of [e.name, ...(e.aliases ?? [])]) {
          const k = matchKey(n)
          const prev = owner.get(k)
          if (prev !== undefined && prev !== e.code) throw new Error(`${name}: "${n}" of ${e.code} clashes with ${prev}`)
          owner.set(k, e.code)
        }
      }
    }
  })

  test('validity dates are ISO yyyy-mm-dd and ordered', () => {
    for (const e of CODE_LISTS) {
      for (const d of [e.validFrom, e.validTo]) if (d !== undefined) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (e.validFrom && e.validTo) expect(e.validFrom <= e.validTo).toBe(true)
    }
  })

  test('codeList returns the entries sorted by sortOrder, as a fresh array', () => {
    const a = codeList('relation')
    expect(a.map((e) => e.sortOrder)).toEqual([...a.map((e) => e.sortOrder)].sort((x, y) => x - y))
    a.pop()
    expect(codeList('relation').length).toBe(a.length + 1)
  })
})

describe('ethnicity (§4.1)', () => {
  const list = codeList('ethnicity')

  test('54 ethnic groups coded 01–54 in census order, plus 99 Người nước ngoài', () => {
    expect(list).toHaveLength(55)
    const groups = list.filter((e) => e.code !== '99')
    expect(groups.map((e) => e.code)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')))
    expect(groups[0]!.name).toBe('Kinh')
    expect(groups[7]!.name).toBe('Mông')
    expect(groups[53]!.name).toBe('Ơ Đu')
    expect(list.at(-1)).toMatchObject({ code: '99', name: 'Người nước ngoài' })
  })

  test.each([
    ["H'Mông", 'Mông'],
    ['Stiêng', 'Xtiêng'],
    ['Raglai', 'Ra Glai'],
    ['Gié-Triêng', 'Giẻ-Triêng'],
    ['Co Lao', 'Cơ Lao'],
    ['ede', 'Ê Đê'],
    ['Khơ-me', 'Khmer'],
  ])('alias %s finds %s', (alias, name) => {
    expect(findCode('ethnicity', alias)?.name).toBe(name)
  })

  test('"Co" and "Cơ Lao" stay distinct', () => {
    expect(findCode('ethnicity', 'Co')?.name).toBe('Co')
    expect(findCode('ethnicity', 'co lao')?.name).toBe('Cơ Lao')
  })
})

describe('religion (§4.2)', () => {
  test('16 religions plus 00 Không', () => {
    const list = codeList('religion')
    expect(list).toHaveLength(17)
    expect(list.filter((e) => e.code !== '00')).toHaveLength(16)
    expect(findCode('religion', '00')?.name).toBe('Không')
    expect(findCode('religion', '16')?.name).toBe('Giáo hội Cơ đốc Phục lâm Việt Nam')
    expect(findCode('religion', 'thien chua giao')?.name).toBe('Công giáo')
  })
})

describe('province (§4.3)', () => {
  const list = codeList('province')

  test('34 provinces with unique 2-digit codes matching the table', () => {
    expect(list).toHaveLength(34)
    expect(new Set(list.map((e) => e.code)).size).toBe(34)
    for (const e of list) expect(e.code).toMatch(/^\d{2}$/)
    expect(Object.fromEntries(list.map((e) => [e.code, e.name]))).toEqual(PROVINCES_2025)
    expect(findCode('province', '66')?.name).toBe('Tỉnh Đắk Lắk')
    expect(findCode('province', '79')?.name).toBe('Thành phố Hồ Chí Minh')
  })

  test('all valid from 01/07/2025 under QĐ 19/2025/QĐ-TTg', () => {
    for (const e of list) {
      expect(e.validFrom).toBe('2025-07-01')
      expect(e.source).toBe('QĐ 19/2025/QĐ-TTg')
      expect(isValidOn(e, '2025-07-01')).toBe(true)
      expect(isValidOn(e, '2025-06-30')).toBe(false)
    }
  })

  test('6 thành phố and 28 tỉnh', () => {
    expect(list.filter((e) => e.name.startsWith('Thành phố '))).toHaveLength(6)
    expect(list.filter((e) => e.name.startsWith('Tỉnh '))).toHaveLength(28)
  })

  test('the 29 merged former provinces (63 − 34) are aliases', () => {
    const aliases = list.flatMap((e) => e.aliases ?? []).filter((a) => !['TP.HCM', 'Bắc Cạn', 'Thừa Thiên Huế'].includes(a))
    expect(aliases).toHaveLength(63 - 34)
  })

  test.each([
    ['dak lak', '66'],
    ['Đắk Lắk', '66'],
    ['DAKLAK', '66'],
    ['Tỉnh Đắk Lắk', '66'],
    ['Bình Dương', '79'],
    ['tỉnh Bình Dương', '79'],
    ['Bà Rịa - Vũng Tàu', '79'],
    ['TP. Hồ Chí Minh', '79'],
    ['TP.HCM', '79'],
    ['Hà Nội', '01'],
    ['thua thien hue', '46'],
    ['Huế', '46'],
    ['Hoà Bình', '25'],
    ['Khánh Hoà', '56'],
    ['Phú Yên', '66'],
  ])('findCode(province, %s) → %s', (q, code) => {
    expect(findCode('province', q)?.code).toBe(code)
  })

  test('unknown or empty input finds nothing', () => {
    expect(findCode('province', 'Atlantis')).toBeUndefined()
    expect(findCode('province', '')).toBeUndefined()
    expect(findCode('province', '   ')).toBeUndefined()
    expect(findCode('province', null)).toBeUndefined()
    expect(findCode('province', '02')).toBeUndefined()
  })

  test('decomposed (NFD) input matches', () => {
    expect(findCode('province', 'Tỉnh Đắk Lắk'.normalize('NFD'))?.code).toBe('66')
  })
})

describe('other lists (§4.5)', () => {
  test('sizes match the brief', () => {
    expect(codeList('qualification').map((e) => e.name)).toEqual([
      'Tiến sĩ khoa học',
      'Tiến sĩ',
      'Thạc sĩ',
      'Đại học',
      'Cao đẳng',
      'Trung cấp',
      'Sơ cấp',
      'Cử nhân',
      'Kỹ sư',
    ])
    expect(codeList('academic-title')).toHaveLength(2)
    expect(codeList('academic-degree')).toHaveLength(3)
    expect(codeList('political-theory')).toHaveLength(4)
    expect(codeList('state-management')).toHaveLength(4)
    expect(codeList('it-level')).toHaveLength(5)
    expect(codeList('language-level')).toHaveLength(10)
    expect(codeList('evaluation-rating').map((e) => e.name)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ])
    expect(codeList('discipline-form')).toHaveLength(7)
    expect(codeList('training-mode')).toHaveLength(6)
    expect(codeList('blood-type').map((e) => e.code)).toEqual(['A', 'B', 'AB', 'O'])
    expect(codeList('relation')).toHaveLength(18)
    expect(codeList('training-kind')).toHaveLength(6)
  })

  test('lists with a notion of "highest" rank every current entry', () => {
    for (const name of ['qualification', 'academic-title', 'academic-degree', 'political-theory', 'state-management', 'evaluation-rating', 'discipline-form', 'award-form'] as const) {
      for (const e of codeList(name)) expect(typeof e.rank).toBe('number')
    }
  })

  test('discipline forms are ranked by severity', () => {
    const bySeverity = codeList('discipline-form')
      .slice()
      .sort((a, b) => a.rank! - b.rank!)
      .map((e) => e.name)
    expect(bySeverity).toEqual(['Khiển trách', 'Cảnh cáo', 'Hạ bậc lương', 'Giáng chức', 'Cách chức', 'Bãi nhiệm', 'Buộc thôi việc'])
  })

  test('award ranks are distinct, Huân chương Sao vàng highest and Giấy khen lowest', () => {
    const awards = codeList('award-form')
    expect(new Set(awards.map((e) => e.rank)).size).toBe(awards.length)
    const sorted = awards.slice().sort((a, b) => b.rank! - a.rank!)
    expect(sorted[0]!.name).toBe('Huân chương Sao vàng')
    expect(sorted.at(-1)!.name).toBe('Giấy khen')
    expect(findCode('award-form', 'HC_LAO_DONG_1')!.rank!).toBeGreaterThan(findCode('award-form', 'HC_LAO_DONG_3')!.rank!)
  })

  test('findCode matches codes, names and aliases, ignoring case and accents', () => {
    expect(findCode('qualification', 'TS')?.name).toBe('Tiến sĩ')
    expect(findCode('qualification', 'ths')?.name).toBe('Thạc sĩ')
    expect(findCode('qualification', 'thac sy')?.name).toBe('Thạc sĩ')
    expect(findCode('qualification', 'ĐẠI HỌC')?.code).toBe('DH')
    expect(findCode('language-level', 'B1')?.name).toBe('Bậc 3 (B1)')
    expect(findCode('language-level', 'bac 3')?.name).toBe('Bậc 3 (B1)')
    expect(findCode('language-level', 'A')?.name).toBe('Trình độ A')
    expect(findCode('relation', 'Bố vợ')?.code).toBe('CHA_VO')
    expect(findCode('relation', 'em ruot vo (chong)')?.code).toBe('EM_RUOT_VC')
    expect(findCode('evaluation-rating', 'hoàn thành tốt nhiệm vụ')?.code).toBe('HTTNV')
  })
})

describe('highest()', () => {
  test('picks Tiến sĩ over Thạc sĩ, and Tiến sĩ khoa học over both', () => {
    expect(highest('qualification', ['THS', 'TS'])?.name).toBe('Tiến sĩ')
    expect(highest('qualification', ['DH', 'THS', 'TS', 'TSKH'])?.name).toBe('Tiến sĩ khoa học')
    expect(highest('academic-degree', ['THS', 'TS'])?.code).toBe('TS')
  })

  test('accepts names and aliases; unknown values are ignored', () => {
    expect(highest('qualification', ['Thạc sĩ', 'Tiến sĩ', 'nonsense'])?.code).toBe('TS')
    expect(highest('academic-title', ['Phó Giáo sư', 'Giáo sư'])?.code).toBe('GS')
    expect(highest('qualification', [])).toBeUndefined()
    expect(highest('qualification', ['nonsense'])).toBeUndefined()
  })

  test('legacy Cử nhân / Kỹ sư rank like Đại học; ties go to the current value', () => {
    expect(highest('qualification', ['CD', 'KS'])?.code).toBe('KS')
    expect(highest('qualification', ['KS', 'DH', 'CN'])?.code).toBe('DH')
    expect(highest('qualification', ['KS', 'THS'])?.code).toBe('THS')
  })

  test('most severe discipline, best rating, highest award', () => {
    expect(highest('discipline-form', ['KHIEN_TRACH', 'CACH_CHUC', 'CANH_CAO'])?.name).toBe('Cách chức')
    expect(highest('evaluation-rating', ['HTNV', 'HTXSNV', 'HTTNV'])?.code).toBe('HTXSNV')
    expect(highest('award-form', ['GIAY_KHEN', 'BK_TTG', 'BK_BO'])?.code).toBe('BK_TTG')
    expect(highest('political-theory', ['TC', 'CC', 'SC'])?.name).toBe('Cao cấp')
  })

  test('entries without a rank are ignored', () => {
    expect(highest('language-level', ['D'])).toBeUndefined()
    expect(highest('language-level', ['D', 'BAC2'])?.code).toBe('BAC2')
    expect(highest('training-mode', ['CHINH_QUY'])).toBeUndefined()
  })
})
