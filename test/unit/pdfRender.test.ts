/**
 * The renderer on its own (no database): Vietnamese text survives embedding and subsetting, the fonts are
 * embedded, long tables continue on the next page under a repeated header, the photo lands in its frame.
 * Read back with poppler (pdftotext, pdffonts, pdfimages). Whether glyphs are drawn, not just extractable,
 * is checked by looking at the rendered pages (test/int/print.test.ts writes them to test/e2e/artifacts/).
 */
import { buildForm2C, buildFormHS02 } from '../../src/domain/forms'
import { renderForm } from '../../src/pdf/render'
import { pdfPages, pdfText, poppler, solidPng } from '../helpers/pdf'
import { samplePrintRecord } from '../helpers/printRecord'

test('Vietnamese names and places come out of the PDF as written, from embedded subset fonts', async () => {
  const pdf = await renderForm(buildForm2C(samplePrintRecord(), { managingAgency: 'Bộ Nội vụ' }))
  const text = pdfText(pdf)
  for (const s of ['NGUYỄN THỊ HƯỜNG', 'Quảng Ngãi', 'Đắk Lắk', 'Nguyễn Văn Đức', 'Trần Thị Lựu', 'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC']) {
    expect(text).toContain(s)
  }
  const fonts = poppler('pdffonts', pdf).split('\n').filter((l) => /LiberationSerif/.test(l))
  expect(fonts.length).toBe(3)
  // name, type, encoding, then emb(edded) and uni(code map); pdf-lib names subsets without the ABCDEF+
  // prefix, so pdffonts' "sub" column says no: the size shows the subsetting (the three TTFs are 1.1 MB).
  for (const line of fonts) expect(line).toMatch(/^LiberationSerif\S*\s+CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes/)
  expect(pdf.length).toBeLessThan(150_000)
})

test('a long history continues on the next pages, each with the table header again', async () => {
  const pdf = await renderForm(buildForm2C(samplePrintRecord(80)))
  expect(pdfPages(pdf)).toBeGreaterThanOrEqual(5)
  const text = pdfText(pdf)
  // 80 training rows take more than one page: the header row (its first column) is printed on each.
  expect(text.match(/Tên trường/g)!.length).toBeGreaterThanOrEqual(2)
  expect(text).toContain('Học viện Hành chính Quốc gia, khóa 80')
  expect(text.match(/Mã ngạch\/bậc/g)!.length).toBeGreaterThanOrEqual(2) // the salary table wraps into blocks
})

test('the photo is drawn in its frame; without one the frame carries its caption', async () => {
  const doc = buildFormHS02(samplePrintRecord())
  const withPhoto = await renderForm(doc, { photo: { bytes: solidPng(120, 180, [200, 40, 40]), mimeType: 'image/png' } })
  const images = poppler('pdfimages', withPhoto, ['-list']).trim().split('\n').slice(2)
  expect(images).toHaveLength(1)
  expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+120\s+180\s+rgb/)
  const without = await renderForm(doc)
  expect(poppler('pdfimages', without, ['-list']).trim().split('\n').slice(2)).toHaveLength(0)
  expect(pdfText(without)).toContain('Ảnh màu (4 x 6 cm)')
  // A damaged photo file prints the empty frame instead of failing the form.
  const damaged = await renderForm(doc, { photo: { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg' } })
  expect(pdfText(damaged)).toContain('Ảnh màu (4 x 6 cm)')
})
