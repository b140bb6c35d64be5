/**
 * The definitions hoso ships (reports-and-rules.md §A). None carries a form code of the current regime (TT 18/2025
 * codes were not obtained); each names the layout it follows. Age bands and "trên tuổi nghỉ hưu" are data here:
 * the old bands of BM01 (nữ 55, nam 60) are replaced by each person's retirement date under NĐ 135/2020.
 */
import type { ColumnNode, ReportDefinition } from './definition'
import { ALWAYS, and, eq, oneOf, range, type Predicate } from './predicate'

const FOOTER = {
  left: ['NGƯỜI LẬP BẢNG', '(Ký, họ tên)'],
  right: ['…, ngày … tháng … năm …', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, đóng dấu)'],
}
const RIGHT = ['Đơn vị báo cáo: {unit}', 'Đơn vị nhận báo cáo: Bộ Nội vụ', 'Đơn vị tính: người']

const leaf = (key: string, label: string, when: Predicate): ColumnNode => ({ key, label, when })
const group = (label: string, children: ColumnNode[], partitionOf?: string): ColumnNode => ({ label, children, ...(partitionOf ? { partitionOf } : {}) })
const notPast = eq('pastRetirement', false)
const female = eq('gender', 'female')
const male = eq('gender', 'male')

// Ranks by group (NĐ 204/2004): A3 chuyên viên cao cấp và tương đương … B, C nhân viên; hạng I–IV of viên chức likewise.
const A3 = ['A3.1', 'A3.2']
const A2 = ['A2.1', 'A2.2']
const STAFF_GROUPS = ['B', 'C1', 'C2', 'C3']
const DOCTOR = ['TS', 'TSKH']
const UNIVERSITY = ['DH', 'CN', 'KS']
const IT_CERTIFICATES = ['CB', 'NC', 'A', 'B', 'C']

const inside = (prefix: string): ColumnNode[] => [
  leaf(`${prefix}nu`, 'Nữ', female),
  leaf(`${prefix}dang-vien`, 'Đảng viên', eq('partyMember', true)),
  leaf(`${prefix}dan-toc-thieu-so`, 'Dân tộc thiểu số', eq('ethnicMinority', true)),
  leaf(`${prefix}ton-giao`, 'Tôn giáo', eq('religious', true)),
]

export const BM01_CONG_CHUC: ReportDefinition = {
  code: 'so-luong-chat-luong-cong-chuc',
  version: 1,
  title: 'BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÔNG CHỨC',
  formCode: null,
  legalBasis:
    'Bố cục theo mẫu BM01/BNV ban hành kèm Thông tư 11/2012/TT-BNV ngày 17/12/2012 (mẫu lịch sử; biểu của Thông tư 18/2025/TT-BNV chưa có văn bản); độ tuổi và "trên tuổi nghỉ hưu" theo Nghị định 135/2020/NĐ-CP',
  population: eq('employmentType', 'civil-servant'),
  rows: { depth: 2 },
  columns: [
    leaf('tong-so', 'Tổng số công chức hiện có', ALWAYS),
    group('Trong đó', inside('')),
    group('Chia theo ngạch công chức', [
      leaf('ngach-cvcc', 'Chuyên viên cao cấp và tương đương', oneOf('rankGroup', A3)),
      leaf('ngach-cvc', 'Chuyên viên chính và tương đương', oneOf('rankGroup', A2)),
      leaf('ngach-cv', 'Chuyên viên và tương đương', oneOf('rankGroup', ['A1'])),
      leaf('ngach-cs', 'Cán sự và tương đương', oneOf('rankGroup', ['A0'])),
      leaf('ngach-nv', 'Nhân viên', oneOf('rankGroup', STAFF_GROUPS)),
    ]),
    group('Chia theo trình độ đào tạo', [
      group('Chuyên môn', [
        leaf('cm-tien-si', 'Tiến sĩ', oneOf('qualification', DOCTOR)),
        leaf('cm-thac-si', 'Thạc sĩ', oneOf('qualification', ['THS'])),
        leaf('cm-dai-hoc', 'Đại học', oneOf('qualification', UNIVERSITY)),
        leaf('cm-cao-dang', 'Cao đẳng', oneOf('qualification', ['CD'])),
        leaf('cm-trung-cap', 'Trung cấp', oneOf('qualification', ['TC'])),
        leaf('cm-so-cap', 'Sơ cấp', oneOf('qualification', ['SC'])),
      ]),
      group('Lý luận chính trị', [
        leaf('llct-cu-nhan', 'Cử nhân', oneOf('politicalTheory', ['CN'])),
        leaf('llct-cao-cap', 'Cao cấp', oneOf('politicalTheory', ['CC'])),
        leaf('llct-trung-cap', 'Trung cấp', oneOf('politicalTheory', ['TC'])),
        leaf('llct-so-cap', 'Sơ cấp', oneOf('politicalTheory', ['SC'])),
      ]),
      group('Tin học', [leaf('tin-hoc-chung-chi', 'Chứng chỉ', oneOf('itLevel', IT_CERTIFICATES))]),
      group('Quản lý nhà nước', [
        leaf('qlnn-cvcc', 'Chuyên viên cao cấp và tương đương', oneOf('stateManagement', ['CVCC'])),
        leaf('qlnn-cvc', 'Chuyên viên chính và tương đương', oneOf('stateManagement', ['CVC'])),
        leaf('qlnn-cv', 'Chuyên viên và tương đương', oneOf('stateManagement', ['CV'])),
      ]),
    ]),
    group(
      'Chia theo độ tuổi',
      [
        leaf('tuoi-den-30', 'Từ 30 trở xuống', and(range('age', undefined, 30), notPast)),
        leaf('tuoi-31-40', 'Từ 31 đến 40', and(range('age', 31, 40), notPast)),
        leaf('tuoi-41-50', 'Từ 41 đến 50', and(range('age', 41, 50), notPast)),
        group(
          'Từ 51 đến tuổi nghỉ hưu',
          [
            leaf('tuoi-51-nghi-huu', 'Tổng số', and(range('age', 51), notPast)),
            leaf('tuoi-51-nghi-huu-nu', 'Nữ', and(range('age', 51), notPast, female)),
            leaf('tuoi-51-nghi-huu-nam', 'Nam', and(range('age', 51), notPast, male)),
          ],
          'tuoi-51-nghi-huu',
        ),
        leaf('tren-tuoi-nghi-huu', 'Trên tuổi nghỉ hưu', eq('pastRetirement', true)),
      ],
      'tong-so',
    ),
  ],
  header: { left: ['Theo bố cục BM01/BNV', '(Thông tư 11/2012/TT-BNV)'], right: RIGHT },
  footer: FOOTER,
}

export const VIEN_CHUC_THEO_HANG: ReportDefinition = {
  code: 'so-luong-chat-luong-vien-chuc',
  version: 1,
  title: 'BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG VIÊN CHỨC',
  formCode: null,
  legalBasis:
    'Bố cục theo mẫu BM01-VC/BNV (Thông tư 07/2019/TT-BNV; bố cục chính thức chưa đối chiếu), chia theo hạng chức danh nghề nghiệp I–IV; độ tuổi theo Nghị định 135/2020/NĐ-CP',
  population: eq('employmentType', 'public-employee'),
  rows: { depth: 2 },
  columns: [
    leaf('tong-so', 'Tổng số viên chức', ALWAYS),
    group('Chia theo hạng chức danh nghề nghiệp', [
      leaf('hang-i', 'Hạng I', oneOf('rankGroup', A3)),
      leaf('hang-ii', 'Hạng II', oneOf('rankGroup', A2)),
      leaf('hang-iii', 'Hạng III', oneOf('rankGroup', ['A1'])),
      leaf('hang-iv', 'Hạng IV', oneOf('rankGroup', ['A0', ...STAFF_GROUPS])),
    ]),
    group(
      'Chuyên môn',
      [
        leaf('cm-tien-si', 'Tiến sĩ', oneOf('qualification', DOCTOR)),
        leaf('cm-thac-si', 'Thạc sĩ', oneOf('qualification', ['THS'])),
        leaf('cm-dai-hoc', 'Đại học', oneOf('qualification', UNIVERSITY)),
        leaf('cm-con-lai', 'Còn lại', { not: oneOf('qualification', [...DOCTOR, 'THS', ...UNIVERSITY]) }),
      ],
      'tong-so',
    ),
    group('Chính trị', [
      leaf('llct-cao-cap', 'Cao cấp, cử nhân', oneOf('politicalTheory', ['CC', 'CN'])),
      leaf('llct-trung-cap', 'Trung cấp', oneOf('politicalTheory', ['TC'])),
    ]),
    group('Tin học', [leaf('tin-hoc-chung-chi', 'Chứng chỉ', oneOf('itLevel', IT_CERTIFICATES))]),
    group(
      'Độ tuổi',
      [
        leaf('tuoi-duoi-30', 'Dưới 30', and(range('age', undefined, 29), notPast)),
        leaf('tuoi-30-50', 'Từ 30 đến 50', and(range('age', 30, 50), notPast)),
        leaf('tuoi-tren-50', 'Trên 50 đến tuổi nghỉ hưu', and(range('age', 51), notPast)),
        leaf('tren-tuoi-nghi-huu', 'Trên tuổi nghỉ hưu', eq('pastRetirement', true)),
      ],
      'tong-so',
    ),
    leaf('dang-vien', 'Đảng viên', eq('partyMember', true)),
    leaf('nu', 'Phụ nữ', female),
    leaf('dan-toc-thieu-so', 'Dân tộc ít người', eq('ethnicMinority', true)),
  ],
  header: { left: ['Theo bố cục BM01-VC/BNV', '(Thông tư 07/2019/TT-BNV)'], right: RIGHT },
  footer: FOOTER,
}

export const NU_DAN_TOC_DANG_VIEN: ReportDefinition = {
  code: 'nu-dan-toc-dang-vien',
  version: 1,
  title: 'THỐNG KÊ NỮ, NGƯỜI DÂN TỘC THIỂU SỐ, ĐẢNG VIÊN',
  formCode: null,
  legalBasis: 'Thống kê phục vụ quản lý theo thẩm quyền (không theo biểu mẫu ban hành); phạm vi: mọi người đang công tác tại ngày báo cáo',
  population: ALWAYS,
  rows: { depth: 2 },
  columns: [
    leaf('tong-so', 'Tổng số', ALWAYS),
    group('Giới tính', [leaf('nam', 'Nam', male), leaf('nu', 'Nữ', female)], 'tong-so'),
    group(
      'Nữ chia theo loại',
      [
        leaf('nu-cong-chuc', 'Công chức', and(female, eq('employmentType', 'civil-servant'))),
        leaf('nu-vien-chuc', 'Viên chức', and(female, eq('employmentType', 'public-employee'))),
        leaf('nu-khac', 'Cán bộ, hợp đồng', and(female, oneOf('employmentType', ['cadre', 'contract']))),
      ],
      'nu',
    ),
    group('Dân tộc thiểu số', [leaf('dtts', 'Tổng số', eq('ethnicMinority', true)), leaf('dtts-nu', 'Trong đó nữ', and(eq('ethnicMinority', true), female))]),
    group('Đảng viên', [leaf('dang-vien', 'Tổng số', eq('partyMember', true)), leaf('dang-vien-nu', 'Trong đó nữ', and(eq('partyMember', true), female))]),
  ],
  header: { left: [], right: ['Đơn vị báo cáo: {unit}', 'Đơn vị tính: người'] },
  footer: FOOTER,
}

export const SHIPPED_DEFINITIONS: readonly ReportDefinition[] = [BM01_CONG_CHUC, VIEN_CHUC_THEO_HANG, NU_DAN_TOC_DANG_VIEN]
