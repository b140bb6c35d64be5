// THE money and coefficient formatters of hoso (domain.md §0): money "2.340.000 đồng", hệ số "2,34".
// Use these everywhere (forms, exports, UI); do not format money with toLocaleString/Intl elsewhere.

/** Groups the digits of a non-negative integer string with '.' every three digits. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/**
 * Money in đồng: '2.340.000 đồng'. Rounded to the nearest whole đồng (so hệ số × lương cơ sở floating-point
 * noise disappears); negative amounts get a leading '-'. Throws RangeError for NaN or ±Infinity.
 */
export function formatMoney(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatMoney: not a finite number: ${amount}`)
  const rounded = Math.round(Math.abs(amount))
  const sign = amount < 0 && rounded !== 0 ? '-' : ''
  return `${sign}${groupThousands(rounded.toFixed(0))} đồng`
}

/**
 * Salary coefficient (hệ số) with exactly two decimals and a decimal comma: 2.3 → '2,30', 2.34 → '2,34'.
 * Rounds half away from zero at the second decimal (2.675 → '2,68', despite its binary representation).
 * Throws RangeError for NaN or ±Infinity.
 */
export function formatCoefficient(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatCoefficient: not a finite number: ${x}`)
  const hundredths = Math.round(Math.abs(x) * 100 + 1e-7)
  const sign = x < 0 && hundredths !== 0 ? '-' : ''
  return `${sign}${(hundredths / 100).toFixed(2).replace('.', ',')}`
}
