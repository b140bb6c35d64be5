/**
 * Demo unit tree: Bộ Nội vụ after the 2025 merger (Nghị định 25/2025/NĐ-CP, Điều 3; 22 units).
 * The phòng under each unit are not published: they are plausible DEMO data, marked as such.
 */
export interface SeedUnit {
  code: string
  name: string
  shortName?: string
  type: 'ministry' | 'department' | 'agency' | 'inspectorate' | 'office' | 'institute' | 'centre' | 'board' | 'press' | 'division'
  children?: SeedUnit[]
}

const phong = (prefix: string, names: string[]): SeedUnit[] =>
  names.map((name, i) => ({ code: `${prefix}.P${String(i + 1).padStart(2, '0')}`, name: `${name} (dữ liệu mẫu)`, type: 'division' }))

const VU_PHONG = ['Phòng Tổng hợp', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2']
const CUC_PHONG = ['Văn phòng Cục', 'Phòng Tổng hợp', 'Phòng Chính sách', 'Phòng Kiểm tra']

const level2: Array<[string, string, SeedUnit['type'], string?]> = [
  ['VTCBC', 'Vụ Tổ chức – Biên chế', 'department'],
  ['VCQDP', 'Vụ Chính quyền địa phương', 'department'],
  ['VCCVC', 'Vụ Công chức – Viên chức', 'department'],
  ['VTCPCP', 'Vụ Tổ chức phi chính phủ', 'department'],
  ['VCCHC', 'Vụ Cải cách hành chính', 'department'],
  ['VTNBD', 'Vụ Công tác thanh niên và Bình đẳng giới', 'department'],
  ['VHTQT', 'Vụ Hợp tác quốc tế', 'department'],
  ['VTCCB', 'Vụ Tổ chức cán bộ', 'department'],
  ['VPC', 'Vụ Pháp chế', 'department'],
  ['VKHTC', 'Vụ Kế hoạch – Tài chính', 'department'],
  ['TTB', 'Thanh tra Bộ', 'inspectorate'],
  ['VPB', 'Văn phòng Bộ', 'office'],
  ['CVTLT', 'Cục Văn thư và Lưu trữ nhà nước', 'agency'],
  ['CTLBH', 'Cục Tiền lương và Bảo hiểm xã hội', 'agency'],
  ['CVL', 'Cục Việc làm', 'agency'],
  ['CQLLD', 'Cục Quản lý lao động ngoài nước', 'agency'],
  ['CNCC', 'Cục Người có công', 'agency'],
  ['BTDKT', 'Ban Thi đua – Khen thưởng Trung ương', 'board'],
  ['TTCNTT', 'Trung tâm Công nghệ thông tin', 'centre'],
  ['VKHTC-LD', 'Viện Khoa học tổ chức nhà nước và Lao động', 'institute'],
  ['TCTCNN', 'Tạp chí Tổ chức nhà nước và Lao động', 'press'],
  ['BDT', 'Báo Dân trí', 'press'],
]

export const DEMO_UNIT_TREE: SeedUnit = {
  code: 'BNV',
  name: 'Bộ Nội vụ',
  shortName: 'BNV',
  type: 'ministry',
  children: level2.map(([code, name, type]) => ({
    code,
    name,
    type,
    children: phong(code, type === 'agency' || type === 'board' ? CUC_PHONG : VU_PHONG),
  })),
}

/** The Vụ whose HR officer and staff member are the demo logins. */
export const DEMO_HR_UNIT_CODE = 'VCCVC'
