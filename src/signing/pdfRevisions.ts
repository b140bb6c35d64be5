// Revisions of a PDF (each incremental update ends with %%EOF) and what later revisions changed compared
// with a signed one. A signature covers its revision only; what is appended afterwards must be
// classified: more signatures, their fields and widgets, the DSS and document timestamps are what
// PAdES expects (Luật Giao dịch điện tử 2023 Điều 22.3: every change after signing must be detectable).
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfRef, PdfStream, PdfString, type PdfObject } from '@libpdf/core'

const EOF_MARK = Buffer.from('%%EOF')

/** Byte offsets just after each "%%EOF" and its end-of-line: where a revision ends. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ends: number[] = []
  let i = buf.indexOf(EOF_MARK)
  while (i !== -1) {
    let end = i + EOF_MARK.length
    if (buf[end] === 0x0d) end++
    if (buf[end] === 0x0a) end++
    ends.push(end)
    i = buf.indexOf(EOF_MARK, i + EOF_MARK.length)
  }
  return ends
}

/** Whether only whitespace follows `offset`. */
export function onlyWhitespaceAfter(bytes: Uint8Array, offset: number): boolean {
  for (let i = offset; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x00 && b !== 0x0c) return false
  }
  return true
}

export function resolverOf(pdf: PDF): (ref: PdfRef) => PdfObject | null {
  return (ref) => pdf.getObject(ref)
}

function deref(pdf: PDF, obj: PdfObject | undefined | null): PdfObject | null {
  let o: PdfObject | null = obj ?? null
  for (let i = 0; i < 8 && o instanceof PdfRef; i++) o = pdf.getObject(o)
  return o
}

export function dictOf(pdf: PDF, obj: PdfObject | undefined | null): PdfDict | null {
  const o = deref(pdf, obj)
  return o instanceof PdfDict ? o : null
}

function nameOf(dict: PdfDict, key: string): string | undefined {
  const v = dict.get(key)
  return v instanceof PdfName ? v.value : undefined
}

/** Deep structural equality; references compare by number, not by their targets. */
export function sameObject(a: PdfObject | undefined | null, b: PdfObject | undefined | null): boolean {
  if (a === b) return true
  if (!a || !b || a.type !== b.type) return false
  if (a instanceof PdfRef && b instanceof PdfRef) return a.objectNumber === b.objectNumber && a.generation === b.generation
  if (a instanceof PdfName && b instanceof PdfName) return a.value === b.value
  if (a instanceof PdfNumber && b instanceof PdfNumber) return a.value === b.value
  if (a instanceof PdfString && b instanceof PdfString) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes))
  if (a instanceof PdfArray && b instanceof PdfArray) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameObject(a.at(i), b.at(i))) return false
    return true
  }
  if (a instanceof PdfDict && b instanceof PdfDict) {
    const ak = [...a.keys()].map((k) => k.value).sort()
    const bk = [...b.keys()].map((k) => k.value).sort()
    if (ak.join('/') !== bk.join('/')) return false
    for (const k of ak) if (!sameObject(a.get(k), b.get(k))) return false
    if (a instanceof PdfStream && b instanceof PdfStream) return Buffer.from(a.data).equals(Buffer.from(b.data))
    return true
  }
  // null, booleans, raw values
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Keys whose values differ between two dictionaries. */
function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.value))
  return [...keys].filter((k) => !sameObject(a.get(k), b.get(k)))
}

/** Whether every element of `older` is still in `newer` (an array only grew). */
function arrayOnlyGrew(older: PdfObject | null, newer: PdfObject | null): boolean {
  if (!(newer instanceof PdfArray)) return false
  if (older === null) return true
  if (!(older instanceof PdfArray)) return false
  const items = newer.toArray()
  return older.toArray().every((o) => items.some((n) => sameObject(o, n)))
}

/** Object numbers written in bytes[from, to): "N G obj" headers and the members of new object streams. */
function objectsWrittenIn(bytes: Uint8Array, from: number, to: number, pdf: PDF): number[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1')
  const nums = new Set<number>()
  for (const m of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g)) nums.add(Number(m[1]))
  for (const n of [...nums]) {
    const obj = pdf.getObject(PdfRef.of(n, 0))
    if (obj instanceof PdfStream && nameOf(obj, 'Type') === 'ObjStm') {
      const count = (obj.get('N') as PdfNumber | undefined)?.value ?? 0
      const header = Buffer.from(obj.getDecodedData()).toString('latin1').trim().split(/\s+/)
      for (let i = 0; i < count; i++) nums.add(Number(header[i * 2]))
    }
  }
  return [...nums].filter((n) => Number.isInteger(n) && n > 0)
}

function trailerRef(bytes: Uint8Array, from: number, to: number, key: string): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1')
  const all = [...text.matchAll(new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`, 'g'))]
  return all.length > 0 ? Number(all.at(-1)![1]) : null
}

/** Every object reachable from `start`, not following page/parent back-links (which reach the whole document). */
function reachable(pdf: PDF, start: PdfObject | undefined, into: Set<number>): void {
  const stack: PdfObject[] = start ? [start] : []
  while (stack.length > 0) {
    const o = stack.pop()!
    if (o instanceof PdfRef) {
      if (into.has(o.objectNumber)) continue
      into.add(o.objectNumber)
      const target = pdf.getObject(o)
      if (target) stack.push(target)
    } else if (o instanceof PdfArray) {
      stack.push(...o.toArray())
    } else if (o instanceof PdfDict) {
      for (const [k, v] of o) if (k.value !== 'P' && k.value !== 'Parent') stack.push(v)
    }
  }
}

function isSignatureField(pdf: PDF, dict: PdfDict): boolean {
  if (nameOf(dict, 'FT') === 'Sig') return true
  const parent = dictOf(pdf, dict.get('Parent'))
  return nameOf(dict, 'Subtype') === 'Widget' && parent !== null && nameOf(parent, 'FT') === 'Sig'
}

export interface LaterChanges {
  kind: 'none' | 'allowed' | 'other'
  /** Why a change counts as 'other' (for logs and the English report). */
  reasons: string[]
}

/**
 * What the revisions after `signedEnd` changed. `signed` is the document as it was signed (bytes up to
 * signedEnd), `latest` the document after the last complete revision.
 */
export function classifyLaterChanges(bytes: Uint8Array, signedEnd: number, signed: PDF, latest: PDF, latestEnd: number): LaterChanges {
  const reasons: string[] = []
  if (latestEnd <= signedEnd) {
    return onlyWhitespaceAfter(bytes, signedEnd) ? { kind: 'none', reasons } : { kind: 'other', reasons: ['bytes appended that are no PDF revision'] }
  }
  if (!onlyWhitespaceAfter(bytes, latestEnd)) reasons.push('bytes appended after the last revision')

  const oldCatalog = signed.getCatalog()
  const newCatalog = latest.getCatalog()
  const oldAcroForm = dictOf(signed, oldCatalog.get('AcroForm'))
  const newAcroForm = dictOf(latest, newCatalog.get('AcroForm'))
  const acroFormRef = newCatalog.get('AcroForm') instanceof PdfRef ? (newCatalog.get('AcroForm') as PdfRef).objectNumber : null
  const infoRef = trailerRef(bytes, 0, latestEnd, 'Info')
  const oldRootRef = trailerRef(bytes, 0, signedEnd, 'Root')
  const newRootRef = trailerRef(bytes, 0, latestEnd, 'Root')
  if (oldRootRef !== newRootRef) reasons.push('the document catalog was replaced')

  // Objects that belong to allowed additions: the DSS and signature fields with their values and appearances.
  const allowedTargets = new Set<number>()
  reachable(latest, newCatalog.get('DSS'), allowedTargets)
  const changed = objectsWrittenIn(bytes, signedEnd, latestEnd, latest)
  for (const n of changed) {
    const obj = dictOf(latest, PdfRef.of(n, 0))
    if (obj && isSignatureField(latest, obj)) reachable(latest, PdfRef.of(n, 0), allowedTargets)
  }

  const acroFormOk = (a: PdfDict | null, b: PdfDict | null) =>
    b !== null &&
    changedKeys(a ?? new PdfDict(), b).every(
      (k) => ['SigFlags', 'DR', 'DA', 'NeedAppearances'].includes(k) || (k === 'Fields' && arrayOnlyGrew(deref(signed, a?.get('Fields')), deref(latest, b.get('Fields')))),
    )

  for (const n of changed) {
    const ref = PdfRef.of(n, 0)
    const now = latest.getObject(ref)
    const before = signed.getObject(ref)
    if (!now) continue
    const dict = now instanceof PdfDict ? now : null
    const type = dict ? nameOf(dict, 'Type') : undefined
    if (type === 'XRef' || type === 'ObjStm') continue
    if (before && sameObject(before, now)) continue
    if (type === 'Sig' || type === 'DocTimeStamp' || type === 'DSS' || type === 'VRI') continue
    if (allowedTargets.has(n)) continue
    if (dict && isSignatureField(latest, dict)) {
      // A pre-allocated signature field may receive its value, nothing else of an existing field may change.
      const beforeDict = before instanceof PdfDict ? before : null
      if (!beforeDict || changedKeys(beforeDict, dict).every((k) => k === 'V' || k === 'AP')) continue
    }
    if (type === 'Catalog' && before instanceof PdfDict && dict) {
      const keys = changedKeys(before, dict)
      const bad = keys.filter((k) => !(k === 'DSS' || (k === 'AcroForm' && acroFormOk(oldAcroForm, newAcroForm))))
      if (bad.length === 0) continue
      reasons.push(`catalog entries changed: ${bad.join(', ')}`)
      continue
    }
    if (n === acroFormRef && acroFormOk(oldAcroForm, newAcroForm)) continue
    if (type === 'Page' && before instanceof PdfDict && dict) {
      const keys = changedKeys(before, dict)
      if (keys.every((k) => k === 'Annots' && arrayOnlyGrew(deref(signed, before.get('Annots')), deref(latest, dict.get('Annots'))))) continue
      reasons.push(`page object ${n} changed: ${keys.join(', ')}`)
      continue
    }
    if (now instanceof PdfArray && before instanceof PdfArray && arrayOnlyGrew(before, now)) continue
    if (n === infoRef) {
      reasons.push('document information (title, author, dates) changed')
      continue
    }
    reasons.push(before ? `object ${n}${type ? ` (/${type})` : ''} changed` : `object ${n}${type ? ` (/${type})` : ''} added`)
  }
  return { kind: reasons.length > 0 ? 'other' : 'allowed', reasons }
}
