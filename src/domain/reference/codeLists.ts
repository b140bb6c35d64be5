// National code lists (danh mục dùng chung) used by personnel records: domain.md §4.1–4.3 and §4.5.
// Pure data plus lookup helpers: no Payload, no I/O. Every entry is data with optional validity
// (validFrom / validTo, ISO yyyy-mm-dd) and the legal text it comes from (source), never a constant baked
// into logic (domain.md §0). Names are Vietnamese with diacritics in Unicode NFC; `aliases` keep spelling
// variants and former names so imports can match.
//
// `rank` orders entries where "highest" means something (trình độ, học hàm, LLCT, kỷ luật by severity,
// khen thưởng by level): a larger rank is higher. "Highest" values are computed with highest(), never typed.
//
// Codes of the non-numeric lists (qualification, relation, …) are hoso's own mnemonic codes, not taken from
// a national danh mục: UNCERTAIN — replace with the national codes when the danh mục is loaded (domain.md §4).

export type CodeListName =
  | 'ethnicity'
  | 'religion'
  | 'province'
  | 'qualification'
  | 'academic-title'
  | 'academic-degree'
  | 'political-theory'
  | 'state-management'
  | 'it-level'
  | 'language-level'
  | 'evaluation-rating'
  | 'discipline-form'
  | 'training-mode'
  | 'blood-type'
  | 'relation'
  | 'training-kind'
  | 'award-form'

/** What each list is called, for the admin's list picker. */
export const CODE_LIST_LABELS: Readonly<Record<CodeListName, { vi: string; en: string }>> = {
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  qualification: { vi: 'Trình độ chuyên môn', en: 'Qualification' },
  'academic-title': { vi: 'Học hàm', en: 'Academic title' },
  'academic-degree': { vi: 'Học vị', en: 'Academic degree' },
  'political-theory': { vi: 'Lý luận chính trị', en: 'Political theory' },
  'state-management': { vi: 'Quản lý nhà nước', en: 'State management' },
  'it-level': { vi: 'Tin học', en: 'IT level' },
  'language-level': { vi: 'Trình độ ngoại ngữ', en: 'Language level' },
  'evaluation-rating': { vi: 'Xếp loại đánh giá', en: 'Evaluation rating' },
  'discipline-form': { vi: 'Hình thức kỷ luật', en: 'Discipline form' },
  'training-mode': { vi: 'Hình thức đào tạo', en: 'Training mode' },
  'blood-type': { vi: 'Nhóm máu', en: 'Blood type' },
  relation: { vi: 'Quan hệ gia đình', en: 'Family relation' },
  'training-kind': { vi: 'Loại đào tạo, bồi dưỡng', en: 'Training kind' },
  'award-form': { vi: 'Hình thức khen thưởng', en: 'Award form' },
}

export interface CodeEntry {
  list: CodeListName
  code: string
  name: string
  sortOrder: number
  aliases?: string[]
  validFrom?: string
  validTo?: string
  source?: string
  rank?: number
}

/** Row shorthand used below: code, name and the optional fields of CodeEntry. */
type Row = [code: string, name: string, extra?: Omit<Partial<CodeEntry>, 'list' | 'code' | 'name'>]

/** Builds the entries of one list; sortOrder follows the row order (starting at `firstSortOrder`). */
function list(name: CodeListName, rows: Row[], common: Omit<Partial<CodeEntry>, 'list' | 'code' | 'name'> = {}, firstSortOrder = 1): CodeEntry[] {
  return rows.map(([code, entryName, extra], i) => ({
    list: name,
    code,
    name: entryName,
    sortOrder: firstSortOrder + i,
    ...common,
    ...extra,
  }))
}

// ---------------------------------------------------------------------------------------------------------
// §4.1 Dân tộc (sensitive). Census order as in domain.md §4.1.
// UNCERTAIN: the numeric codes. The official source is QĐ 121-TCTK/PPCĐ (02/3/1979), codes 01–54, but public
// lists disagree on the numbering (a BHXH-style list has 05 Khmer, 06 H'Mông, 07 Nùng, 08 Hoa, …, 54 Ngái; the
// GSO list as commonly reproduced has 04 Hoa, 05 Khmer, 06 Mường, …). Here the codes are simply 01–54 in the
// census order of domain.md: do not exchange these codes with other systems until checked against the
// official danh mục; match by name/alias meanwhile.
const ETHNICITY_SOURCE = 'QĐ 121-TCTK/PPCĐ (02/3/1979)'
const ETHNICITY_NAMES: Array<[name: string, aliases?: string[]]> = [
  ['Kinh'],
  ['Tày'],
  ['Thái'],
  ['Mường'],
  ['Khmer', ['Khơ-me', 'Khơ Me']],
  ['Hoa'],
  ['Nùng'],
  ['Mông', ["H'Mông", 'Hmông']],
  ['Dao'],
  ['Gia Rai'],
  ['Ê Đê'],
  ['Ba Na'],
  ['Sán Chay'],
  ['Chăm'],
  ['Cơ Ho'],
  ['Xơ Đăng'],
  ['Sán Dìu'],
  ['Hrê'],
  ['Ra Glai', ['Raglai']],
  ['Mnông'],
  ['Thổ'],
  ['Xtiêng', ['Stiêng']],
  ['Khơ Mú'],
  ['Bru-Vân Kiều'],
  ['Cơ Tu'],
  ['Giáy'],
  ['Tà Ôi'],
  ['Mạ'],
  ['Giẻ-Triêng', ['Gié-Triêng']],
  ['Co'],
  ['Chơ Ro'],
  ['Xinh Mun'],
  ['Hà Nhì'],
  ['Chu Ru'],
  ['Lào'],
  ['La Chí'],
  ['Kháng'],
  ['Phù Lá'],
  ['La Hủ'],
  ['La Ha'],
  ['Pà Thẻn'],
  ['Lự'],
  ['Ngái'],
  ['Chứt'],
  ['Lô Lô'],
  ['Mảng'],
  ['Cơ Lao', ['Co Lao']],
  ['Bố Y'],
  ['Cống'],
  ['Si La'],
  ['Pu Péo'],
  ['Rơ Măm'],
  ['Brâu'],
  ['Ơ Đu'],
]
const ETHNICITIES: CodeEntry[] = [
  ...list(
    'ethnicity',
    ETHNICITY_NAMES.map(([name, aliases], i): Row => [String(i + 1).padStart(2, '0'), name, aliases ? { aliases } : {}]),
    { source: ETHNICITY_SOURCE },
  ),
  // '99' as in the BHXH-style list (domain.md §4.1); UNCERTAIN like the other codes.
  { list: 'ethnicity', code: '99', name: 'Người nước ngoài', sortOrder: 99, aliases: ['Nước ngoài'] },
]

// ---------------------------------------------------------------------------------------------------------
// §4.2 Tôn giáo (sensitive): the 16 religions of the 2019 census (current count UNCERTAIN) plus Không.
// Codes 01–16 follow the numbering of domain.md §4.2; UNCERTAIN against the national danh mục.
const RELIGIONS: CodeEntry[] = [
  { list: 'religion', code: '00', name: 'Không', sortOrder: 0, aliases: ['Không tôn giáo', 'Không có'] },
  ...list('religion', [
    ['01', 'Phật giáo', { aliases: ['Đạo Phật'] }],
    // "Thiên Chúa giáo" is the everyday name of Công giáo in Việt Nam.
    ['02', 'Công giáo', { aliases: ['Thiên Chúa giáo', 'Đạo Thiên Chúa'] }],
    ['03', 'Tin lành', { aliases: ['Đạo Tin lành'] }],
    ['04', 'Cao Đài', { aliases: ['Đạo Cao Đài'] }],
    ['05', 'Phật giáo Hòa Hảo', { aliases: ['Hòa Hảo'] }],
    ['06', 'Hồi giáo', { aliases: ['Islam'] }],
    ['07', "Tôn giáo Baha'i", { aliases: ["Baha'i", "Bahá'í"] }],
    ['08', 'Tịnh độ Cư sĩ Phật hội Việt Nam'],
    ['09', 'Đạo Tứ Ân Hiếu Nghĩa'],
    ['10', 'Đạo Bửu Sơn Kỳ Hương'],
    ['11', 'Giáo hội Phật đường Nam tông Minh Sư đạo'],
    ['12', 'Hội thánh Minh Lý đạo – Tam Tông Miếu'],
    ['13', 'Chăm Bà-la-môn', { aliases: ['Bà-la-môn'] }],
    ['14', 'Giáo hội các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô (Mormon)', { aliases: ['Mormon'] }],
    ['15', 'Phật giáo Hiếu Nghĩa Tà Lơn'],
    ['16', 'Giáo hội Cơ đốc Phục lâm Việt Nam', { aliases: ['Cơ đốc Phục lâm'] }],
  ]),
]

// ---------------------------------------------------------------------------------------------------------
// §4.3 Tỉnh, thành phố: the 34 provincial units from 01/07/2025 (NQ 202/2025/QH15; codes from QĐ 19/2025/QĐ-TTg).
// A merged unit keeps the code and name of its named component. Aliases = the former provinces merged into it
// (and former names), so pre-2025 addresses and imports match the current unit. The 63 pre-2025 provinces are
// not in this list. Whether a unit is "tỉnh" or "thành phố" is part of the name and may change by decree
// (domain.md §4.3: Đồng Nai, Quảng Ninh, Bắc Ninh reportedly in 2026, UNCERTAIN): add a dated row then.
const PROVINCE_COMMON = { validFrom: '2025-07-01', source: 'QĐ 19/2025/QĐ-TTg' } as const
const PROVINCES: CodeEntry[] = list(
  'province',
  [
    ['01', 'Thành phố Hà Nội'],
    ['04', 'Tỉnh Cao Bằng'],
    ['08', 'Tỉnh Tuyên Quang', { aliases: ['Hà Giang'] }],
    ['11', 'Tỉnh Điện Biên'],
    ['12', 'Tỉnh Lai Châu'],
    ['14', 'Tỉnh Sơn La'],
    ['15', 'Tỉnh Lào Cai', { aliases: ['Yên Bái'] }],
    ['19', 'Tỉnh Thái Nguyên', { aliases: ['Bắc Kạn', 'Bắc Cạn'] }],
    ['20', 'Tỉnh Lạng Sơn'],
    ['22', 'Tỉnh Quảng Ninh'],
    ['24', 'Tỉnh Bắc Ninh', { aliases: ['Bắc Giang'] }],
    ['25', 'Tỉnh Phú Thọ', { aliases: ['Vĩnh Phúc', 'Hòa Bình'] }],
    ['31', 'Thành phố Hải Phòng', { aliases: ['Hải Dương'] }],
    ['33', 'Tỉnh Hưng Yên', { aliases: ['Thái Bình'] }],
    ['37', 'Tỉnh Ninh Bình', { aliases: ['Hà Nam', 'Nam Định'] }],
    ['38', 'Tỉnh Thanh Hóa'],
    ['40', 'Tỉnh Nghệ An'],
    ['42', 'Tỉnh Hà Tĩnh'],
    ['44', 'Tỉnh Quảng Trị', { aliases: ['Quảng Bình'] }],
    // Former Tỉnh Thừa Thiên Huế; city status under NQ 175/2024/QH15 (UNCERTAIN, domain.md §4.3).
    ['46', 'Thành phố Huế', { aliases: ['Thừa Thiên Huế'] }],
    ['48', 'Thành phố Đà Nẵng', { aliases: ['Quảng Nam'] }],
    ['51', 'Tỉnh Quảng Ngãi', { aliases: ['Kon Tum'] }],
    ['52', 'Tỉnh Gia Lai', { aliases: ['Bình Định'] }],
    ['56', 'Tỉnh Khánh Hòa', { aliases: ['Ninh Thuận'] }],
    ['66', 'Tỉnh Đắk Lắk', { aliases: ['Phú Yên'] }],
    ['68', 'Tỉnh Lâm Đồng', { aliases: ['Đắk Nông', 'Bình Thuận'] }],
    ['75', 'Tỉnh Đồng Nai', { aliases: ['Bình Phước'] }],
    ['79', 'Thành phố Hồ Chí Minh', { aliases: ['TP.HCM', 'Bình Dương', 'Bà Rịa–Vũng Tàu'] }],
    ['80', 'Tỉnh Tây Ninh', { aliases: ['Long An'] }],
    ['82', 'Tỉnh Đồng Tháp', { aliases: ['Tiền Giang'] }],
    ['86', 'Tỉnh Vĩnh Long', { aliases: ['Bến Tre', 'Trà Vinh'] }],
    ['91', 'Tỉnh An Giang', { aliases: ['Kiên Giang'] }],
    ['92', 'Thành phố Cần Thơ', { aliases: ['Sóc Trăng', 'Hậu Giang'] }],
    ['96', 'Tỉnh Cà Mau', { aliases: ['Bạc Liêu'] }],
  ],
  PROVINCE_COMMON,
)

// ---------------------------------------------------------------------------------------------------------
// §4.5 Other lists (UNCERTAIN as a whole in domain.md; names are the usual wording of 2C / HS02 entries).

// Trình độ chuyên môn. Tiến sĩ khoa học is a legacy degree (domain.md §4.5 lists TSKH as legacy) but still
// held and ranks highest. Cử nhân / Kỹ sư are degree titles at university level: same rank as Đại học.
const QUALIFICATIONS: CodeEntry[] = list('qualification', [
  ['TSKH', 'Tiến sĩ khoa học', { rank: 7, aliases: ['TSKH', 'Tiến sỹ khoa học'] }],
  ['TS', 'Tiến sĩ', { rank: 6, aliases: ['Tiến sỹ'] }],
  ['THS', 'Thạc sĩ', { rank: 5, aliases: ['Thạc sỹ', 'ThS'] }],
  ['DH', 'Đại học', { rank: 4 }],
  ['CD', 'Cao đẳng', { rank: 3 }],
  ['TC', 'Trung cấp', { rank: 2, aliases: ['Trung học chuyên nghiệp', 'THCN'] }],
  ['SC', 'Sơ cấp', { rank: 1 }],
  // Legacy values seen in older records.
  ['CN', 'Cử nhân', { rank: 4 }],
  ['KS', 'Kỹ sư', { rank: 4, aliases: ['Kĩ sư'] }],
])

const ACADEMIC_TITLES: CodeEntry[] = list('academic-title', [
  ['GS', 'Giáo sư', { rank: 2 }],
  ['PGS', 'Phó Giáo sư', { rank: 1 }],
])

const ACADEMIC_DEGREES: CodeEntry[] = list('academic-degree', [
  ['TSKH', 'Tiến sĩ khoa học', { rank: 3, aliases: ['TSKH', 'Tiến sỹ khoa học'] }],
  ['TS', 'Tiến sĩ', { rank: 2, aliases: ['Tiến sỹ'] }],
  ['THS', 'Thạc sĩ', { rank: 1, aliases: ['Thạc sỹ', 'ThS'] }],
])

// Lý luận chính trị. Cử nhân (chính trị) is at the level of Cao cấp, hence the same rank; on a tie highest()
// returns the entry listed first (Cao cấp).
const POLITICAL_THEORY: CodeEntry[] = list('political-theory', [
  ['SC', 'Sơ cấp', { rank: 1 }],
  ['TC', 'Trung cấp', { rank: 2 }],
  ['CC', 'Cao cấp', { rank: 3 }],
  ['CN', 'Cử nhân', { rank: 3, aliases: ['Cử nhân chính trị'] }],
])

// Quản lý nhà nước (bồi dưỡng theo ngạch).
const STATE_MANAGEMENT: CodeEntry[] = list('state-management', [
  ['CVCC', 'Chuyên viên cao cấp', { rank: 4 }],
  ['CVC', 'Chuyên viên chính', { rank: 3 }],
  ['CV', 'Chuyên viên', { rank: 2 }],
  ['CS', 'Cán sự', { rank: 1 }],
])

// Tin học: chuẩn kỹ năng sử dụng CNTT (TT 03/2014/TT-BTTTT). Legacy A/B/C certificates are ranked like
// "cơ bản": the equivalence (TTLT 17/2016/TTLT-BGDĐT-BTTTT, as recalled) is UNCERTAIN.
const IT_LEVELS: CodeEntry[] = list('it-level', [
  ['CB', 'Ứng dụng CNTT cơ bản', { rank: 1, source: 'TT 03/2014/TT-BTTTT', aliases: ['CNTT cơ bản', 'Tin học cơ bản'] }],
  ['NC', 'Ứng dụng CNTT nâng cao', { rank: 2, source: 'TT 03/2014/TT-BTTTT', aliases: ['CNTT nâng cao', 'Tin học nâng cao'] }],
  ['A', 'Trình độ A', { rank: 1, aliases: ['Chứng chỉ A', 'Tin học A'] }],
  ['B', 'Trình độ B', { rank: 1, aliases: ['Chứng chỉ B', 'Tin học B'] }],
  ['C', 'Trình độ C', { rank: 1, aliases: ['Chứng chỉ C', 'Tin học C'] }],
])

// Ngoại ngữ: Khung năng lực ngoại ngữ 6 bậc (TT 01/2014/TT-BGDĐT). Legacy A/B/C ranked as Bậc 1/2/3 per the
// equivalence recalled from CV 6089/BGDĐT-GDTX (2014): UNCERTAIN. Legacy D has no known equivalent: no rank.
const LANGUAGE_SOURCE = 'TT 01/2014/TT-BGDĐT'
const LANGUAGE_LEVELS: CodeEntry[] = list('language-level', [
  ['BAC1', 'Bậc 1 (A1)', { rank: 1, source: LANGUAGE_SOURCE, aliases: ['Bậc 1', 'A1'] }],
  ['BAC2', 'Bậc 2 (A2)', { rank: 2, source: LANGUAGE_SOURCE, aliases: ['Bậc 2', 'A2'] }],
  ['BAC3', 'Bậc 3 (B1)', { rank: 3, source: LANGUAGE_SOURCE, aliases: ['Bậc 3', 'B1'] }],
  ['BAC4', 'Bậc 4 (B2)', { rank: 4, source: LANGUAGE_SOURCE, aliases: ['Bậc 4', 'B2'] }],
  ['BAC5', 'Bậc 5 (C1)', { rank: 5, source: LANGUAGE_SOURCE, aliases: ['Bậc 5', 'C1'] }],
  ['BAC6', 'Bậc 6 (C2)', { rank: 6, source: LANGUAGE_SOURCE, aliases: ['Bậc 6', 'C2'] }],
  ['A', 'Trình độ A', { rank: 1, aliases: ['Chứng chỉ A'] }],
  ['B', 'Trình độ B', { rank: 2, aliases: ['Chứng chỉ B'] }],
  ['C', 'Trình độ C', { rank: 3, aliases: ['Chứng chỉ C'] }],
  ['D', 'Trình độ D', { aliases: ['Chứng chỉ D'] }],
])

// Xếp loại chất lượng (NĐ 90/2020/NĐ-CP, amended by NĐ 48/2023/NĐ-CP).
const EVALUATION_RATINGS: CodeEntry[] = list(
  'evaluation-rating',
  [
    ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ', { rank: 4 }],
    ['HTTNV', 'Hoàn thành tốt nhiệm vụ', { rank: 3 }],
    ['HTNV', 'Hoàn thành nhiệm vụ', { rank: 2 }],
    ['KHTNV', 'Không hoàn thành nhiệm vụ', { rank: 1 }],
  ],
  { source: 'NĐ 90/2020/NĐ-CP' },
)

// Hình thức kỷ luật: union over cán bộ / công chức / viên chức (Luật CBCC 2008, Luật Viên chức 2010, both
// amended 2019; NĐ 112/2020/NĐ-CP). Successor texts after 2025 UNCERTAIN (domain.md §4.5). Rank = severity.
// Bãi nhiệm (cán bộ only) vs Buộc thôi việc (công chức, viên chức) never apply to the same person; their
// relative order is a convention.
const DISCIPLINE_FORMS: CodeEntry[] = list(
  'discipline-form',
  [
    ['KHIEN_TRACH', 'Khiển trách', { rank: 1 }],
    ['CANH_CAO', 'Cảnh cáo', { rank: 2 }],
    ['HA_BAC_LUONG', 'Hạ bậc lương', { rank: 3 }],
    ['GIANG_CHUC', 'Giáng chức', { rank: 4 }],
    ['CACH_CHUC', 'Cách chức', { rank: 5 }],
    ['BAI_NHIEM', 'Bãi nhiệm', { rank: 6 }],
    ['BUOC_THOI_VIEC', 'Buộc thôi việc', { rank: 7 }],
  ],
  { source: 'NĐ 112/2020/NĐ-CP' },
)

/** Who each discipline form applies to (domain.md §4.5), keyed by discipline-form code. */
export const DISCIPLINE_APPLIES_TO: Readonly<Record<string, ReadonlyArray<'can-bo' | 'cong-chuc' | 'vien-chuc'>>> = {
  KHIEN_TRACH: ['can-bo', 'cong-chuc', 'vien-chuc'],
  CANH_CAO: ['can-bo', 'cong-chuc', 'vien-chuc'],
  HA_BAC_LUONG: ['cong-chuc'],
  GIANG_CHUC: ['cong-chuc'],
  CACH_CHUC: ['can-bo', 'cong-chuc', 'vien-chuc'],
  BAI_NHIEM: ['can-bo'],
  BUOC_THOI_VIEC: ['cong-chuc', 'vien-chuc'],
}

// Hình thức đào tạo: older values (Chính quy, Tại chức, Chuyên tu, Bồi dưỡng) and newer ones.
const TRAINING_MODES: CodeEntry[] = list('training-mode', [
  ['CHINH_QUY', 'Chính quy'],
  ['TAI_CHUC', 'Tại chức'],
  ['CHUYEN_TU', 'Chuyên tu'],
  ['BOI_DUONG', 'Bồi dưỡng'],
  ['VUA_LAM_VUA_HOC', 'Vừa làm vừa học'],
  ['TU_XA', 'Từ xa', { aliases: ['Đào tạo từ xa'] }],
])

const BLOOD_TYPES: CodeEntry[] = list('blood-type', [
  ['A', 'A', { aliases: ['Nhóm A'] }],
  ['B', 'B', { aliases: ['Nhóm B'] }],
  ['AB', 'AB', { aliases: ['Nhóm AB'] }],
  ['O', 'O', { aliases: ['Nhóm O'] }],
])

// Quan hệ gia đình (2C / HS02 item 36): own side first, then the spouse's side ("vợ (chồng)").
const RELATIONS: CodeEntry[] = list('relation', [
  ['CHA_DE', 'Cha đẻ', { aliases: ['Bố đẻ', 'Cha', 'Bố'] }],
  ['ME_DE', 'Mẹ đẻ', { aliases: ['Mẹ'] }],
  ['CHA_NUOI', 'Cha nuôi', { aliases: ['Bố nuôi'] }],
  ['ME_NUOI', 'Mẹ nuôi'],
  ['NGUOI_NUOI_DUONG', 'Người nuôi dưỡng'],
  ['VO', 'Vợ'],
  ['CHONG', 'Chồng'],
  ['CON', 'Con', { aliases: ['Con đẻ', 'Con nuôi', 'Con trai', 'Con gái'] }],
  ['ANH_RUOT', 'Anh ruột', { aliases: ['Anh trai'] }],
  ['CHI_RUOT', 'Chị ruột', { aliases: ['Chị gái'] }],
  ['EM_RUOT', 'Em ruột', { aliases: ['Em trai', 'Em gái'] }],
  ['CHA_VO', 'Cha vợ', { aliases: ['Bố vợ'] }],
  ['ME_VO', 'Mẹ vợ'],
  ['CHA_CHONG', 'Cha chồng', { aliases: ['Bố chồng'] }],
  ['ME_CHONG', 'Mẹ chồng'],
  ['ANH_RUOT_VC', 'Anh ruột vợ (chồng)', { aliases: ['Anh ruột vợ', 'Anh ruột chồng'] }],
  ['CHI_RUOT_VC', 'Chị ruột vợ (chồng)', { aliases: ['Chị ruột vợ', 'Chị ruột chồng'] }],
  ['EM_RUOT_VC', 'Em ruột vợ (chồng)', { aliases: ['Em ruột vợ', 'Em ruột chồng'] }],
])

// Loại đào tạo, bồi dưỡng: the six parts of HS02-VC/BNV item 32 (32.1 … 32.6), in that order.
const TRAINING_KINDS: CodeEntry[] = list(
  'training-kind',
  [
    ['CHUYEN_MON', 'Chuyên môn'],
    ['LLCT', 'Lý luận chính trị'],
    ['BD_QLNN', 'Bồi dưỡng quản lý nhà nước/chức danh nghề nghiệp/nghiệp vụ chuyên ngành', { aliases: ['Quản lý nhà nước'] }],
    ['BD_ANQP', 'Bồi dưỡng kiến thức an ninh, quốc phòng', { aliases: ['An ninh, quốc phòng'] }],
    ['TIN_HOC', 'Tin học'],
    ['NGOAI_NGU', 'Ngoại ngữ/tiếng dân tộc', { aliases: ['Ngoại ngữ', 'Tiếng dân tộc'] }],
  ],
  { source: 'TT 07/2019/TT-BNV, Mẫu HS02-VC/BNV mục 32' },
)

// Hình thức khen thưởng and danh hiệu thi đua (Luật Thi đua, khen thưởng 2022). sortOrder groups orders,
// certificates and emulation titles; `rank` interleaves them into one scale for "highest award".
// UNCERTAIN: the law ranks orders among themselves, but where an emulation title (Chiến sĩ thi đua …) sits
// relative to an order or certificate is a local convention, not law; adjust the ranks as the agency decides.
const AWARD_FORMS: CodeEntry[] = list(
  'award-form',
  [
    ['HC_SAO_VANG', 'Huân chương Sao vàng', { rank: 14 }],
    ['HC_HO_CHI_MINH', 'Huân chương Hồ Chí Minh', { rank: 13 }],
    ['HC_DOC_LAP_1', 'Huân chương Độc lập hạng Nhất', { rank: 12 }],
    ['HC_DOC_LAP_2', 'Huân chương Độc lập hạng Nhì', { rank: 11 }],
    ['HC_DOC_LAP_3', 'Huân chương Độc lập hạng Ba', { rank: 10 }],
    ['HC_LAO_DONG_1', 'Huân chương Lao động hạng Nhất', { rank: 9 }],
    ['HC_LAO_DONG_2', 'Huân chương Lao động hạng Nhì', { rank: 8 }],
    ['HC_LAO_DONG_3', 'Huân chương Lao động hạng Ba', { rank: 7 }],
    ['BK_TTG', 'Bằng khen của Thủ tướng Chính phủ', { rank: 5, aliases: ['Bằng khen Thủ tướng Chính phủ', 'Bằng khen Thủ tướng'] }],
    ['BK_BO', 'Bằng khen cấp Bộ', { rank: 3, aliases: ['Bằng khen của Bộ trưởng', 'Bằng khen cấp tỉnh'] }],
    ['GIAY_KHEN', 'Giấy khen', { rank: 1 }],
    ['CSTD_TOAN_QUOC', 'Chiến sĩ thi đua toàn quốc', { rank: 6 }],
    ['CSTD_BO', 'Chiến sĩ thi đua cấp Bộ', { rank: 4, aliases: ['Chiến sĩ thi đua cấp tỉnh', 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh'] }],
    ['CSTD_CO_SO', 'Chiến sĩ thi đua cơ sở', { rank: 2 }],
  ],
  { source: 'Luật Thi đua, khen thưởng 2022 (06/2022/QH15)' },
)

function deepFreeze(e: CodeEntry): CodeEntry {
  if (e.aliases) Object.freeze(e.aliases)
  return Object.freeze(e)
}

/** All code-list entries, every list concatenated. Treat as read-only (entries are frozen). */
export const CODE_LISTS: readonly CodeEntry[] = Object.freeze(
  [
    ...ETHNICITIES,
    ...RELIGIONS,
    ...PROVINCES,
    ...QUALIFICATIONS,
    ...ACADEMIC_TITLES,
    ...ACADEMIC_DEGREES,
    ...POLITICAL_THEORY,
    ...STATE_MANAGEMENT,
    ...IT_LEVELS,
    ...LANGUAGE_LEVELS,
    ...EVALUATION_RATINGS,
    ...DISCIPLINE_FORMS,
    ...TRAINING_MODES,
    ...BLOOD_TYPES,
    ...RELATIONS,
    ...TRAINING_KINDS,
    ...AWARD_FORMS,
  ].map(deepFreeze),
)

// ---------------------------------------------------------------------------------------------------------
// Lookup helpers.

/**
 * Matching key for names: NFC-insensitive, case-insensitive, accent-insensitive (đ → d), and blind to
 * spaces and punctuation, so "Đắk Lắk", "dak lak", "Daklak" and "Bà Rịa - Vũng Tàu" / "Bà Rịa–Vũng Tàu" match.
 */
export function matchKey(s: string): string {
  return spacedKey(s).replace(/ /g, '')
}

function spacedKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Province names are also matched without their administrative prefix ("Tỉnh", "Thành phố", "TP."). */
function nameKey(list: CodeListName, s: string): string {
  let k = spacedKey(s)
  if (list === 'province') k = k.replace(/^(tinh|thanh pho|tp)\s+/, '')
  return k.replace(/ /g, '')
}

interface ListIndex {
  sorted: CodeEntry[]
  byCode: Map<string, CodeEntry>
  byCodeFolded: Map<string, CodeEntry>
  byExactName: Map<string, CodeEntry>
  byNameKey: Map<string, CodeEntry>
}

const indexes = new Map<CodeListName, ListIndex>()

function indexOf(name: CodeListName): ListIndex {
  let idx = indexes.get(name)
  if (idx) return idx
  const sorted = CODE_LISTS.filter((e) => e.list === name).sort((a, b) => a.sortOrder - b.sortOrder)
  idx = { sorted, byCode: new Map(), byCodeFolded: new Map(), byExactName: new Map(), byNameKey: new Map() }
  // First entry (by sortOrder) wins on a clash, so current values beat legacy ones listed after them.
  const put = (m: Map<string, CodeEntry>, k: string, e: CodeEntry) => {
    if (k !== '' && !m.has(k)) m.set(k, e)
  }
  for (const e of sorted) {
    put(idx.byCode, e.code, e)
    put(idx.byCodeFolded, matchKey(e.code), e)
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      put(idx.byExactName, n.normalize('NFC'), e)
      put(idx.byNameKey, nameKey(name, n), e)
    }
  }
  indexes.set(name, idx)
  return idx
}

/** The entries of one list, sorted by sortOrder (a new array each call). */
export function codeList(name: CodeListName): CodeEntry[] {
  return [...indexOf(name).sorted]
}

/**
 * Finds an entry by code, name or alias. Order of preference: exact code; exact name/alias; name/alias
 * ignoring case, accents, spaces and punctuation (provinces also without "Tỉnh"/"Thành phố"); code ignoring
 * case. Returns undefined for empty input or no match.
 */
export function findCode(name: CodeListName, codeOrNameOrAlias: string | null | undefined): CodeEntry | undefined {
  if (codeOrNameOrAlias === null || codeOrNameOrAlias === undefined) return undefined
  const q = codeOrNameOrAlias.normalize('NFC').trim()
  if (q === '') return undefined
  const idx = indexOf(name)
  return (
    idx.byCode.get(q) ??
    idx.byExactName.get(q) ??
    idx.byNameKey.get(nameKey(name, q)) ??
    idx.byCodeFolded.get(matchKey(q))
  )
}

/**
 * The highest-ranked entry among the given codes (names and aliases are accepted too, resolved with findCode).
 * Unknown values and entries without a rank are ignored; on equal rank the entry listed first (lowest
 * sortOrder) wins. Undefined when nothing ranked remains.
 */
export function highest(name: CodeListName, codes: readonly string[]): CodeEntry | undefined {
  let best: CodeEntry | undefined
  for (const c of codes) {
    const e = findCode(name, c)
    if (!e || e.rank === undefined) continue
    if (!best || e.rank > best.rank! || (e.rank === best.rank && e.sortOrder < best.sortOrder)) best = e
  }
  return best
}

/** Whether an entry is valid on a day (ISO yyyy-mm-dd); entries without validity dates are always valid. */
export function isValidOn(entry: CodeEntry, isoDate: string): boolean {
  const day = isoDate.slice(0, 10)
  return (entry.validFrom === undefined || entry.validFrom <= day) && (entry.validTo === undefined || day <= entry.validTo)
}
