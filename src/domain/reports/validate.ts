/**
 * Refuses a bad report definition by name: each issue names the item (a dot path such as
 * `columns.3.children.0.when.field`) in Vietnamese and English. Used on every save of a `report-definitions`
 * row and on the shipped definitions (a unit test).
 */
import type { FieldIssue } from '../errors'
import type { ColumnNode, ReportDefinition } from './definition'
import { isSnapshotField, SNAPSHOT_FIELDS } from './snapshot'

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/
const MAX_DEPTH = 6
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0
const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string')

export function validateDefinition(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = []
  const issue = (field: string, vi: string, en: string) => issues.push({ field, vi: `${field}: ${vi}`, en: `${field}: ${en}` })
  if (!isObject(input)) {
    issue('definition', 'định nghĩa báo cáo phải là một đối tượng JSON', 'a report definition must be a JSON object')
    return issues
  }
  const d = input as Partial<ReportDefinition> & Record<string, unknown>
  if (typeof d.code !== 'string' || !KEY.test(d.code)) issue('code', 'mã báo cáo chỉ gồm chữ thường, chữ số và dấu gạch ngang', 'the report code takes lower-case letters, digits and dashes')
  if (!Number.isInteger(d.version) || (d.version as number) < 1) issue('version', 'phiên bản phải là số nguyên dương', 'the version must be a positive integer')
  if (!text(d.title)) issue('title', 'thiếu tên báo cáo', 'the title is missing')
  if (d.formCode != null && !text(d.formCode)) issue('formCode', 'mã biểu phải là chuỗi hoặc để trống (null)', 'the form code must be text or null')
  if (!text(d.legalBasis)) issue('legalBasis', 'thiếu căn cứ pháp lý', 'the legal basis is missing')
  checkPredicate(d.population, 'population', issue)
  if (!isObject(d.rows) || !Number.isInteger(d.rows.depth) || (d.rows.depth as number) < 0 || (d.rows.depth as number) > MAX_DEPTH) {
    issue('rows.depth', `số cấp đơn vị phải là số nguyên từ 0 đến ${MAX_DEPTH}`, `the unit depth must be an integer from 0 to ${MAX_DEPTH}`)
  }
  for (const block of ['header', 'footer'] as const) {
    const b = d[block]
    if (!isObject(b) || !strings(b.left) || !strings(b.right)) issue(block, 'cần hai danh sách dòng chữ left và right', 'needs two lists of lines, left and right')
  }
  if (!Array.isArray(d.columns) || !d.columns.length) {
    issue('columns', 'báo cáo cần ít nhất một cột', 'a report needs at least one column')
    return issues
  }
  const keys = new Set<string>()
  const partitions: Array<{ field: string; key: unknown }> = []
  const walk = (nodes: unknown[], at: string) => {
    nodes.forEach((n, i) => {
      const field = `${at}.${i}`
      if (!isObject(n)) return issue(field, 'cột phải là một đối tượng', 'a column must be an object')
      const c = n as ColumnNode & Record<string, unknown>
      if (!text(c.label)) issue(`${field}.label`, 'thiếu tên cột', 'the column label is missing')
      if (c.children !== undefined) {
        if (!Array.isArray(c.children) || !c.children.length) return issue(`${field}.children`, 'nhóm cột cần ít nhất một cột con', 'a column group needs at least one column')
        if (c.when !== undefined || c.key !== undefined) issue(field, 'nhóm cột không có mã cột và điều kiện riêng', 'a column group has no key or condition of its own')
        if (c.partitionOf !== undefined) partitions.push({ field: `${field}.partitionOf`, key: c.partitionOf })
        return walk(c.children, `${field}.children`)
      }
      if (typeof c.key !== 'string' || !KEY.test(c.key)) issue(`${field}.key`, 'mã cột chỉ gồm chữ thường, chữ số và dấu gạch ngang', 'a column key takes lower-case letters, digits and dashes')
      else if (keys.has(c.key)) issue(`${field}.key`, `mã cột "${c.key}" bị trùng`, `the column key "${c.key}" is used twice`)
      else keys.add(c.key)
      checkPredicate(c.when, `${field}.when`, issue)
    })
  }
  walk(d.columns, 'columns')
  for (const p of partitions) {
    if (typeof p.key !== 'string' || !keys.has(p.key)) issue(p.field, 'phải là mã của một cột trong báo cáo', 'must be the key of a column of the report')
  }
  return issues
}

type Issue = (field: string, vi: string, en: string) => void

function checkPredicate(p: unknown, at: string, issue: Issue, level = 0): void {
  if (level > 8) return issue(at, 'điều kiện lồng quá sâu', 'the condition is nested too deeply')
  if (!isObject(p)) return issue(at, 'điều kiện phải là một đối tượng', 'a condition must be an object')
  const keys = Object.keys(p)
  if ('always' in p) {
    if (p.always !== true || keys.length !== 1) issue(at, 'dạng {"always": true}', 'the form is {"always": true}')
    return
  }
  for (const op of ['all', 'any'] as const) {
    if (op in p) {
      if (keys.length !== 1 || !Array.isArray(p[op]) || !(p[op] as unknown[]).length) return issue(`${at}.${op}`, 'cần một danh sách điều kiện', 'needs a list of conditions')
      ;(p[op] as unknown[]).forEach((q, i) => checkPredicate(q, `${at}.${op}.${i}`, issue, level + 1))
      return
    }
  }
  if ('not' in p) {
    if (keys.length !== 1) return issue(at, 'dạng {"not": …}', 'the form is {"not": …}')
    return checkPredicate(p.not, `${at}.not`, issue, level + 1)
  }
  if (!isSnapshotField(p.field)) {
    return issue(`${at}.field`, `không có mục "${String(p.field)}" (các mục: ${Object.keys(SNAPSHOT_FIELDS).join(', ')})`, `no item "${String(p.field)}" (items: ${Object.keys(SNAPSHOT_FIELDS).join(', ')})`)
  }
  const type = SNAPSHOT_FIELDS[p.field].type
  const ops = keys.filter((k) => k !== 'field')
  const fits = (v: unknown) => typeof v === (type === 'text' ? 'string' : type)
  if (ops.length === 1 && ops[0] === 'eq') {
    if (!fits(p.eq)) issue(`${at}.eq`, `giá trị phải có kiểu ${type}`, `the value must be of type ${type}`)
  } else if (ops.length === 1 && ops[0] === 'in') {
    if (type === 'boolean' || !Array.isArray(p.in) || !p.in.length || !p.in.every(fits)) issue(`${at}.in`, `cần một danh sách giá trị kiểu ${type}`, `needs a list of values of type ${type}`)
  } else if (ops.length && ops.every((o) => o === 'min' || o === 'max')) {
    if (type !== 'number') issue(`${at}.field`, 'chỉ so sánh khoảng với mục kiểu số', 'ranges apply to number items only')
    else if (ops.some((o) => typeof p[o] !== 'number' || !Number.isFinite(p[o]))) issue(at, 'min/max phải là số', 'min/max must be numbers')
    else if (typeof p.min === 'number' && typeof p.max === 'number' && p.min > p.max) issue(at, 'min lớn hơn max', 'min is greater than max')
  } else {
    issue(at, 'phép so sánh phải là eq, in hoặc min/max', 'the comparison must be eq, in or min/max')
  }
}
