/**
 * Checks a "hoso.record/1" document from outside (an import, a transfer package, the national side) before it
 * is mapped to data: the schema id, every group and history known, every value of its type, required items
 * present. Each issue names the JSON path, in Vietnamese and English.
 */
import { isCivilDate } from '../calendar/civilDate'
import type { FieldIssue } from '../errors'
import { HISTORIES, PHOTO_FIELDS, RECORD_SCHEMA_ID, STAFF_GROUPS, sensitivePaths, type FieldSpec } from './schema'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const TOP_LEVEL = new Set(['schema', 'id', 'histories', 'photo', 'omitted', ...STAFF_GROUPS.map((g) => g.key)])

function valueIssue(spec: FieldSpec, value: unknown, path: string): FieldIssue | null {
  if (value === null) {
    return spec.required ? { field: path, vi: `${path}: bắt buộc phải có giá trị.`, en: `${path}: a value is required.` } : null
  }
  const bad = (vi: string, en: string): FieldIssue => ({ field: path, vi: `${path}: ${vi}`, en: `${path}: ${en}` })
  const t = spec.type
  switch (t.kind) {
    case 'text':
      return typeof value === 'string' && value !== '' ? null : bad('phải là chuỗi ký tự khác rỗng (để trống: null).', 'must be a non-empty string (empty: null).')
    case 'email':
      return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value) ? null : bad('không phải địa chỉ email.', 'is not an e-mail address.')
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : bad('phải là số.', 'must be a number.')
    case 'integer':
      return Number.isSafeInteger(value) ? null : bad('phải là số nguyên.', 'must be an integer.')
    case 'date':
      return isCivilDate(value) ? null : bad('phải là ngày dạng YYYY-MM-DD.', 'must be a date YYYY-MM-DD.')
    case 'month':
      return typeof value === 'string' && isCivilDate(`${value}-01`) && /^\d{4}-\d{2}$/.test(value) ? null : bad('phải là tháng dạng YYYY-MM.', 'must be a month YYYY-MM.')
    case 'select':
      return typeof value === 'string' && t.options.includes(value)
        ? null
        : bad(`phải là một trong: ${t.options.join(', ')}.`, `must be one of: ${t.options.join(', ')}.`)
    case 'code':
      return isObject(value) && value.list === t.list && typeof value.code === 'string' && value.code !== '' && Object.keys(value).length === 2
        ? null
        : bad(`phải là { "list": "${t.list}", "code": "…" }.`, `must be { "list": "${t.list}", "code": "…" }.`)
    case 'unit':
    case 'rank':
      return isObject(value) && typeof value.code === 'string' && value.code !== '' && Object.keys(value).length === 1
        ? null
        : bad('phải là { "code": "…" }.', 'must be { "code": "…" }.')
  }
}

function objectIssues(specs: readonly FieldSpec[], obj: Record<string, unknown>, path: string, allowAbsent: ReadonlySet<string>, extraKeys: readonly string[] = []): FieldIssue[] {
  const issues: FieldIssue[] = []
  const known = new Set([...specs.map((s) => s.key), ...extraKeys])
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) issues.push({ field: `${path}.${key}`, vi: `${path}.${key}: mục không có trong lược đồ ${RECORD_SCHEMA_ID}.`, en: `${path}.${key}: not an item of ${RECORD_SCHEMA_ID}.` })
  }
  for (const spec of specs) {
    const p = `${path}.${spec.key}`
    if (!(spec.key in obj)) {
      if (!allowAbsent.has(spec.key)) issues.push({ field: p, vi: `${p}: thiếu mục (để trống: null).`, en: `${p}: missing (empty: null).` })
      continue
    }
    const issue = valueIssue(spec, obj[spec.key], p)
    if (issue) issues.push(issue)
  }
  return issues
}

export function validateCanonicalRecord(doc: unknown): FieldIssue[] {
  if (!isObject(doc)) return [{ field: '', vi: 'Tài liệu phải là một đối tượng JSON.', en: 'The document must be a JSON object.' }]
  const issues: FieldIssue[] = []
  if (doc.schema !== RECORD_SCHEMA_ID) {
    issues.push({
      field: 'schema',
      vi: `schema: phải là "${RECORD_SCHEMA_ID}" (tài liệu ghi ${JSON.stringify(doc.schema ?? null)}).`,
      en: `schema: must be "${RECORD_SCHEMA_ID}" (the document says ${JSON.stringify(doc.schema ?? null)}).`,
    })
    return issues
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.has(key)) issues.push({ field: key, vi: `${key}: mục không có trong lược đồ ${RECORD_SCHEMA_ID}.`, en: `${key}: not an item of ${RECORD_SCHEMA_ID}.` })
  }
  if (doc.id !== null && !(Number.isSafeInteger(doc.id) && (doc.id as number) > 0)) {
    issues.push({ field: 'id', vi: 'id: phải là số nguyên dương hoặc null.', en: 'id: must be a positive integer or null.' })
  }
  const omitted = doc.omitted
  const allowed = new Set(sensitivePaths().concat(STAFF_GROUPS.map((g) => g.key)))
  if (!Array.isArray(omitted) || omitted.some((o) => typeof o !== 'string' || !allowed.has(o))) {
    issues.push({ field: 'omitted', vi: 'omitted: phải là danh sách các nhóm bị lược bỏ.', en: 'omitted: must list the groups left out.' })
  }
  const omittedSet = new Set(Array.isArray(omitted) ? (omitted as string[]) : [])
  for (const group of STAFF_GROUPS) {
    const value = doc[group.key]
    if (value === undefined) {
      if (!omittedSet.has(group.key)) issues.push({ field: group.key, vi: `${group.key}: thiếu nhóm mà không ghi trong omitted.`, en: `${group.key}: missing and not listed in omitted.` })
      continue
    }
    if (!isObject(value)) {
      issues.push({ field: group.key, vi: `${group.key}: phải là một đối tượng.`, en: `${group.key}: must be an object.` })
      continue
    }
    issues.push(...objectIssues(group.fields, value, group.key, new Set()))
  }
  const histories = doc.histories
  if (!isObject(histories)) {
    issues.push({ field: 'histories', vi: 'histories: phải là một đối tượng.', en: 'histories: must be an object.' })
  } else {
    const keys = new Set(HISTORIES.map((h) => h.key))
    for (const key of Object.keys(histories)) {
      if (!keys.has(key)) issues.push({ field: `histories.${key}`, vi: `histories.${key}: quá trình không có trong lược đồ.`, en: `histories.${key}: not a history of the schema.` })
    }
    for (const spec of HISTORIES) {
      const rows = histories[spec.key]
      const path = `histories.${spec.key}`
      if (rows === undefined) {
        if (!omittedSet.has(path)) issues.push({ field: path, vi: `${path}: thiếu mà không ghi trong omitted.`, en: `${path}: missing and not listed in omitted.` })
        continue
      }
      if (!Array.isArray(rows)) {
        issues.push({ field: path, vi: `${path}: phải là một danh sách.`, en: `${path}: must be an array.` })
        continue
      }
      const absentOk = new Set(spec.sensitive === 'rows' ? [] : spec.sensitive.filter((k) => omittedSet.has(`${path}[].${k}`)))
      rows.forEach((row, i) => {
        const p = `${path}[${i}]`
        if (!isObject(row)) {
          issues.push({ field: p, vi: `${p}: phải là một đối tượng.`, en: `${p}: must be an object.` })
          return
        }
        if (!('id' in row) || (row.id !== null && !(Number.isSafeInteger(row.id) && (row.id as number) > 0))) {
          issues.push({ field: `${p}.id`, vi: `${p}.id: phải là số nguyên dương, hoặc null cho dòng mới.`, en: `${p}.id: must be a positive integer, or null for a new row.` })
        }
        issues.push(...objectIssues(spec.fields, row, p, absentOk, ['id']))
      })
    }
  }
  if (doc.photo !== null && doc.photo !== undefined) {
    if (!isObject(doc.photo)) issues.push({ field: 'photo', vi: 'photo: phải là một đối tượng hoặc null.', en: 'photo: must be an object or null.' })
    else issues.push(...objectIssues(PHOTO_FIELDS, doc.photo, 'photo', new Set()))
  } else if (doc.photo === undefined) {
    issues.push({ field: 'photo', vi: 'photo: thiếu (không có ảnh: null).', en: 'photo: missing (no photo: null).' })
  }
  return issues
}
