import {
  BLANK, buildForm2C, buildFormHS02, buildReviewPrint, chooseForm, type Block, type FormDocument, type PrintRecord, type ReviewSchema,
} from '../../src/domain/forms'
import { samplePrintRecord } from '../helpers/printRecord'

/** Item and section numbers in printed order. */
const numbers = (doc: FormDocument): string[] =>
  doc.blocks.flatMap((b) => (b.kind === 'item' ? b.fields.flatMap((f) => (f.number ? [f.number] : [])) : b.kind === 'section' ? [b.number] : []))

const fields = (doc: FormDocument) => doc.blocks.flatMap((b) => (b.kind === 'item' ? b.fields : []))
const field = (doc: FormDocument, label: string) => {
  const found = fields(doc).find((f) => f.label === label)
  if (!found) throw new Error(`no field ${label}`)
  return found
}
const tables = (doc: FormDocument) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')

/** A record with only what the database requires: every other item is empty. */
const minimal = (): PrintRecord =>
  ({
    id: 9, staffCode: 'X-9', fullName: 'Lê Văn Bảy', gender: 'male', birthDate: '1990-01-02T00:00:00.000Z',
    employmentType: 'civil-servant', unit: 3, updatedAt: '', createdAt: '',
  }) as PrintRecord

describe('Mẫu 2C-BNV/2008', () => {
  test('prints items 1–26 and sections 27–32 in the form order', () => {
    expect(numbers(buildForm2C(samplePrintRecord()))).toEqual([
      '1)', '2)', '3)', '4)', '5)', '6)', '7)', '8)', '9)', '10)', '11)', '12)', '13)', '14)',
      '15.1-', '15.2-', '15.3-', '15.4-', '15.5-', '15.6-', '16)', '17)', '18)', '19)', '20)', '21)', '22)', '23)', '24)', '25)', '26)',
      '27)', '28)', '29)', '30)', '31)', '32)',
    ])
  })

  test('uses the exact labels, heading and title of the form', () => {
    const doc = buildForm2C(samplePrintRecord(), { managingAgency: 'Bộ Nội vụ' })
    const labels = fields(doc).map((f) => f.label)
    for (const l of [
      'Họ và tên khai sinh (viết chữ in hoa)', 'Tên gọi khác', 'Sinh ngày', 'Giới tính (nam, nữ)', 'Nơi sinh', 'Quê quán', 'Dân tộc', 'Tôn giáo',
      'Nơi đăng ký hộ khẩu thường trú', 'Nơi ở hiện nay', 'Nghề nghiệp khi được tuyển dụng', 'Ngày tuyển dụng', 'Cơ quan tuyển dụng',
      'Chức vụ (chức danh) hiện tại', 'Công việc chính được giao', 'Ngạch công chức (viên chức)', 'Mã ngạch', 'Bậc lương', 'Hệ số', 'Ngày hưởng',
      'Phụ cấp chức vụ', 'Phụ cấp khác', 'Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)', 'Trình độ chuyên môn cao nhất',
      'Lý luận chính trị', 'Quản lý nhà nước', 'Ngoại ngữ', 'Tin học', 'Ngày vào Đảng Cộng sản Việt Nam', 'Ngày chính thức',
      'Ngày tham gia tổ chức chính trị - xã hội', 'Ngày nhập ngũ', 'Ngày xuất ngũ', 'Quân hàm cao nhất', 'Danh hiệu được phong tặng cao nhất',
      'Sở trường công tác', 'Khen thưởng', 'Kỷ luật', 'Tình trạng sức khỏe', 'Chiều cao', 'Cân nặng', 'Nhóm máu', 'Là thương binh hạng',
      'Là con gia đình chính sách', 'Số chứng minh nhân dân', 'Ngày cấp', 'Số sổ BHXH',
    ]) {
      expect(labels).toContain(l)
    }
    const heading = doc.blocks[0]
    expect(heading).toMatchObject({ kind: 'heading', formCode: 'Mẫu 2C-BNV/2008' })
    expect(doc.blocks).toContainEqual({ kind: 'title', text: 'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC' })
    expect(doc.blocks[1]).toMatchObject({ kind: 'photo', caption: 'Ảnh màu (4 x 6 cm)', photoId: null })
    const sig = doc.blocks.at(-1)
    expect(sig).toMatchObject({
      kind: 'signatures',
      left: { title: 'Người khai', lines: ['Tôi xin cam đoan những lời khai trên đây là đúng sự thật', '(Ký tên, ghi rõ họ tên)'] },
      right: { title: 'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC', lines: ['(Ký tên, đóng dấu)'] },
    })
  })

  test('prints the record: dates dd/mm/yyyy, name in capitals, code names, highest award', () => {
    const doc = buildForm2C(samplePrintRecord(), { managingAgency: 'Bộ Nội vụ', place: 'Hà Nội', date: new Date(Date.UTC(2026, 10, 5)) })
    expect(field(doc, 'Họ và tên khai sinh (viết chữ in hoa)').value).toBe('NGUYỄN THỊ HƯỜNG')
    expect(field(doc, 'Sinh ngày').value).toBe('15/03/1985')
    expect(field(doc, 'Giới tính (nam, nữ)').value).toBe('Nữ')
    expect(field(doc, 'Ngày tuyển dụng').value).toBe('01/09/2008')
    expect(field(doc, 'Ngày cấp').value).toBe('10/04/2021')
    expect(field(doc, 'Dân tộc').value).toBe('Kinh')
    expect(field(doc, 'Ngạch công chức (viên chức)').value).toBe('Chuyên viên')
    expect(field(doc, 'Mã ngạch').value).toBe('01.003')
    expect(field(doc, 'Hệ số').value).toBe('3,66')
    expect(field(doc, 'Số chứng minh nhân dân').value).toBe('051185000123')
    expect(field(doc, 'Trình độ chuyên môn cao nhất').value).toBe('Thạc sĩ, Quản lý công')
    // Bằng khen cấp Bộ (rank 3) outranks the later Giấy khen (rank 1).
    expect(field(doc, 'Khen thưởng').value).toBe('Bằng khen cấp Bộ, năm 2006')
    expect(doc.blocks.at(-1)).toMatchObject({ right: { placeDate: 'Hà Nội, ngày 05 tháng 11 năm 2026' } })
    const [training, work, family, spouse] = tables(doc)
    expect(training!.rows[0]).toEqual(['Học viện Hành chính Quốc gia, khóa 1', 'Quản lý nhà nước', '09/2005 - 06/2006', 'Chính quy', 'Chứng chỉ'])
    expect(work!.rows).toHaveLength(3)
    expect(family!.rows.map((r) => r[1])).toEqual(['Nguyễn Văn Đức', 'Trần Thị Lựu'])
    expect(spouse!.rows).toEqual([['Cha vợ (chồng)', 'Lê Văn Bảy', '1950', 'Đắk Lắk; nông dân']])
    const matrix = doc.blocks.find((b) => b.kind === 'matrix')
    expect(matrix).toEqual({
      kind: 'matrix',
      rowHeaders: ['Tháng/năm', 'Mã ngạch/bậc', 'Hệ số lương'],
      columns: [['07/2005', '01.003/1', '2,34'], ['07/2006', '01.003/2', '2,67'], ['07/2007', '01.003/3', '3,00']],
      blankColumns: 6,
    })
  })

  test('an empty record still prints every item, with the dotted blank, and empty tables', () => {
    const doc = buildForm2C(minimal())
    expect(numbers(doc)).toHaveLength(37)
    expect(field(doc, 'Tên gọi khác').value).toBe(BLANK)
    expect(field(doc, 'Dân tộc').value).toBe(BLANK)
    expect(field(doc, 'Khen thưởng').value).toBe(BLANK)
    expect(field(doc, 'Chiều cao').value).toBe(BLANK)
    expect(field(doc, 'Ngày vào Đảng Cộng sản Việt Nam').value).toBe(BLANK)
    expect(field(doc, 'Sinh ngày').value).toBe('02/01/1990')
    // Fields the reader may not see (absent) print like empty ones, never "undefined".
    expect(JSON.stringify(doc.blocks.filter((b) => b.kind !== 'photo'))).not.toMatch(/undefined|null|NaN|\[object/)
    for (const t of tables(doc)) expect(t.rows).toEqual([])
    expect(doc.blocks).toContainEqual({ kind: 'lines', text: '', count: 5 })
    expect(doc.blocks.at(-1)).toMatchObject({ right: { placeDate: '…………, ngày …… tháng …… năm 20……' } })
  })
})

describe('Mẫu HS02-VC/BNV', () => {
  test('prints items 1–38 with their sub-items in the form order', () => {
    const doc = buildFormHS02(samplePrintRecord())
    const main = numbers(doc).filter((n) => /^\d+\)$/.test(n)).map((n) => Number(n.slice(0, -1)))
    expect(main).toEqual(Array.from({ length: 38 }, (_, i) => i + 1))
    expect(numbers(doc).filter((n) => n.startsWith('30.'))).toEqual(['30.1)', '30.2)', '30.3)'])
    const subs = doc.blocks.flatMap((b) => (b.kind === 'subheading' ? [b.text.split(' ')[0]] : []))
    expect(subs).toEqual(['32.1-', '32.2-', '32.3-', '32.4-', '32.5-', '32.6-', '35.1-', '35.2-', '36.1-', '36.2-', '37.1-', '37.2-', '37.3-'])
    expect(doc.blocks).toContainEqual({ kind: 'title', text: 'SƠ YẾU LÝ LỊCH VIÊN CHỨC' })
    expect(doc.blocks[0]).toMatchObject({ lines: [[{ label: 'Cơ quan quản lý viên chức' }, { label: 'Số hiệu viên chức' }], [{ label: 'Đơn vị sử dụng viên chức' }]] })
  })

  test('splits training by kind and lists awards by year', () => {
    const doc = buildFormHS02(samplePrintRecord(6))
    const t = tables(doc)
    // 32.1 chuyên môn gets rows 1 and 4, 32.2 LLCT rows 2 and 5, 32.6 ngoại ngữ rows 3 and 6.
    expect(t[0]!.rows.map((r) => r[2])).toEqual(['Học viện Hành chính Quốc gia, khóa 1', 'Học viện Hành chính Quốc gia, khóa 4'])
    expect(t[1]!.rows).toHaveLength(2)
    expect(t[2]!.rows).toEqual([])
    expect(t[5]!.rows[0]).toEqual(['09/2007', '06/2008', 'Học viện Hành chính Quốc gia, khóa 3', 'Tiếng Anh', 'Chứng chỉ', ''])
    const awards = t[7]!
    expect(awards.columns.map((c) => c.header)).toEqual(['Năm', 'Xếp loại chuyên môn', 'Xếp loại thi đua', 'Hình thức khen thưởng'])
    expect(awards.rows[1]).toEqual(['2006', '', '', 'Bằng khen cấp Bộ'])
    expect(field(doc, 'Ngày bổ nhiệm/ngày phê chuẩn').value).toBe('01/07/2019')
  })

  test('an empty record prints every item blank', () => {
    const doc = buildFormHS02(minimal())
    expect(field(doc, 'Số CCCD').value).toBe(BLANK)
    expect(field(doc, 'Học hàm').value).toBe(BLANK)
    expect(JSON.stringify(doc.blocks.filter((b) => b.kind !== 'photo'))).not.toMatch(/undefined|null|NaN|\[object/)
  })
})

test('chooseForm: HS02 for viên chức, 2C for cán bộ, công chức (and contract workers)', () => {
  expect(chooseForm({ employmentType: 'public-employee' })).toBe('hs02')
  expect(chooseForm({ employmentType: 'civil-servant' })).toBe('2c')
  expect(chooseForm({ employmentType: 'cadre' })).toBe('2c')
  expect(chooseForm({ employmentType: 'contract' })).toBe('2c')
})

describe('review print', () => {
  const schema: ReviewSchema = {
    groups: [
      {
        title: 'Thông tin chung',
        fields: [
          { path: 'fullName', label: 'Họ và tên khai sinh', type: 'text' },
          { path: 'gender', label: 'Giới tính', type: 'select', options: { male: 'Nam', female: 'Nữ' } },
          { path: 'birthDate', label: 'Ngày sinh', type: 'date' },
          { path: 'ethnicity', label: 'Dân tộc', type: 'relationship' },
          { path: 'phone', label: 'Điện thoại', type: 'text' },
        ],
      },
      { title: 'Hoàn cảnh', fields: [{ path: 'economy.incomeSalary', label: 'Hoàn cảnh kinh tế gia đình: Thu nhập', type: 'text' }] },
    ],
    histories: [
      {
        name: 'workHistory',
        title: 'Quá trình công tác',
        fields: [
          { path: 'fromMonth', label: 'Từ tháng, năm', type: 'month' },
          { path: 'organisation', label: 'Đơn vị công tác', type: 'text' },
        ],
      },
      { name: 'disciplines', title: 'Kỷ luật', fields: [{ path: 'fromDate', label: 'Từ ngày', type: 'date' }] },
    ],
  }
  const printedAt = new Date(Date.UTC(2026, 10, 25))

  test('prints every item grouped as the schema, values formatted, nothing marked without pending changes', () => {
    const doc = buildReviewPrint(samplePrintRecord(), undefined, { schema, printedAt })
    expect(doc.footer).toBe('In ngày 25/11/2026')
    expect(doc.blocks.filter((b) => b.kind === 'section').map((b) => (b as { title: string }).title)).toEqual([
      'THÔNG TIN CHUNG', 'HOÀN CẢNH', 'QUÁ TRÌNH CÔNG TÁC', 'KỶ LUẬT',
    ])
    const [identity, , work] = tables(doc)
    expect(identity!.rows).toEqual([
      ['Họ và tên khai sinh', 'Nguyễn Thị Hường', ''],
      ['Giới tính', 'Nữ', ''],
      ['Ngày sinh', '15/03/1985', ''],
      ['Dân tộc', 'Kinh', ''],
      ['Điện thoại', '0912345678', ''],
    ])
    expect(identity!.marks!.every((m) => m === null)).toBe(true)
    expect(work!.rows[0]).toEqual(['01/2005', 'Vụ Công chức – Viên chức, Bộ Nội vụ', ''])
    // An empty history says so rather than vanishing.
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', label: '(chưa khai)', value: '' })
  })

  test('marks pending field and row changes beside the approved values', () => {
    const doc = buildReviewPrint(
      samplePrintRecord(),
      {
        fields: [
          { field: 'phone', before: '0912345678', after: '0987654321' },
          { field: 'economy.incomeSalary', before: null, after: '120 triệu' },
        ],
        rows: [
          { collection: 'work-history', kind: 'changed', id: 201, fields: [{ field: 'organisation', before: 'x', after: 'Sở Nội vụ Đắk Lắk' }] },
          { collection: 'work-history', kind: 'removed', id: 202 },
          { collection: 'work-history', kind: 'added', after: { fromMonth: '2026-01-01T00:00:00.000Z', organisation: 'Cục Văn thư' } },
        ],
      },
      { schema, printedAt },
    )
    const [identity, economy, work] = tables(doc)
    expect(identity!.rows[4]).toEqual(['Điện thoại', '0912345678', '0987654321'])
    expect(identity!.marks![4]).toEqual({ kind: 'changed', note: 'Chờ duyệt' })
    expect(identity!.marks![0]).toBeNull()
    expect(economy!.rows[0]).toEqual(['Hoàn cảnh kinh tế gia đình: Thu nhập', '', '120 triệu'])
    expect(work!.rows[1]![2]).toBe('Đề nghị sửa — Đơn vị công tác: Sở Nội vụ Đắk Lắk')
    expect(work!.marks![1]).toMatchObject({ kind: 'changed' })
    expect(work!.rows[2]![2]).toBe('Đề nghị xóa dòng này')
    expect(work!.rows[3]).toEqual(['01/2026', 'Cục Văn thư', 'Đề nghị thêm mới'])
    expect(work!.marks![3]).toMatchObject({ kind: 'added' })
  })
})
