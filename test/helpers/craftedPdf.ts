/**
 * A valid, unsigned PDF of `objects` small objects (~20 MB at 200 000): expensive to parse, as a hostile upload to
 * the public verifier would be. Made in memory; nothing is committed.
 */
export function craftedPdf(objects = 200_000): Uint8Array {
  const parts: string[] = ['%PDF-1.7\n']
  const offsets: number[] = []
  let length = parts[0]!.length
  const add = (s: string) => {
    parts.push(s)
    length += s.length
  }
  offsets.push(length)
  add('1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>\nendobj\n')
  offsets.push(length)
  add('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n')
  for (let i = 3; i < objects; i++) {
    offsets.push(length)
    add(`${i} 0 obj\n<< /A [${'1 '.repeat(20)}] /B (x) >>\nendobj\n`)
  }
  const xref = length
  add(`xref\n0 ${objects}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`)
  add(`trailer\n<< /Size ${objects} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new TextEncoder().encode(parts.join(''))
}
