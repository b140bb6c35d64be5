/**
 * CSV cells for files people open in a spreadsheet. RFC 4180 quoting, and OWASP's CSV-injection rule: a cell
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel or LibreOffice as a
 * formula (a User-Agent, a display name or an X-Request-Id is chosen by whoever sent the request), so it gets a
 * leading single quote and is shown as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: unknown): string {
  let text = value == null ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}
