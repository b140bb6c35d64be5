// Regular salary step raises (nâng bậc lương thường xuyên): Thông tư 08/2013/TT-BNV, amended by
// Thông tư 03/2021/TT-BNV (domain.md §7.2), and thâm niên vượt khung (TNVK): Nghị định 204/2004/NĐ-CP +
// Thông tư 04/2005/TT-BNV, amended by TT 03/2021/TT-BNV (domain.md §7.3).
// These functions only say when something becomes due ("đến hạn"); meeting the yearly standards
// (hoàn thành nhiệm vụ, no discipline) is checked by the agency.

import { addMonths, toDate, type DateInput } from './dates'
import { DomainError } from './errors'

/**
 * Holding period (thời gian giữ bậc) in months by rank group (nhóm ngạch), TT 08/2013 Điều 2.1.a:
 * ngạch/CDNN requiring cao đẳng or higher (A0–A3) → 3 years; B, C (and bảng 4 staff) → 2 years.
 * Keyed by group, not by "hệ số > 2,34" (domain.md §7.2). Chuyên gia cao cấp (60 months, UNCERTAIN) is
 * deliberately absent: it has no TNVK and is not modelled.
 */
export const HOLDING_MONTHS_BY_GROUP: Readonly<Record<string, number>> = {
  'A3.1': 36,
  'A3.2': 36,
  'A2.1': 36,
  'A2.2': 36,
  A1: 36,
  A0: 36,
  B: 24,
  C: 24,
  C1: 24,
  C2: 24,
  C3: 24,
}

/**
 * Months a raise is delayed (kéo dài thời gian nâng bậc) per reason.
 * UNCERTAIN (domain.md §7.2: "config table; verify against TT 03/2021"): these amounts are configurable
 * data, not settled law. Callers may pass their own table (loaded from a dated, sourced configuration) to
 * disciplineDelayMonths instead of this default.
 */
export const DISCIPLINE_DELAY_MONTHS: Readonly<Record<string, number>> = {
  'Khiển trách': 6,
  'Cảnh cáo': 6,
  'Giáng chức': 12,
  'Cách chức': 12,
  // Yearly rating (xếp loại chất lượng), not a discipline form, but it delays the raise the same way.
  'Không hoàn thành nhiệm vụ': 12,
}

/** TNVK starts at 5 % once the holding period at the last step is served (TT 04/2005 mục II). */
export const SENIORITY_START_PERCENT = 5

/** Holding period in months for a rank group; throws DomainError for an unknown group. */
export function holdingMonths(group: string): number {
  const months = HOLDING_MONTHS_BY_GROUP[group.trim()]
  if (months === undefined) {
    throw new DomainError([
      {
        field: 'group',
        vi: `Nhóm ngạch "${group}" không xác định thời gian giữ bậc`,
        en: `Rank group "${group}" has no known step holding period`,
      },
    ])
  }
  return months
}

function vnKey(s: string): string {
  return s.normalize('NFC').trim().toLocaleLowerCase('vi')
}

/**
 * Delay in months for a discipline form or a "Không hoàn thành nhiệm vụ" rating; 0 for anything not in the
 * table (e.g. Hạ bậc lương, whose effect is the step change itself). Matching ignores case and surrounding
 * whitespace. The amounts are UNCERTAIN (see DISCIPLINE_DELAY_MONTHS).
 */
export function disciplineDelayMonths(
  kind: string,
  table: Readonly<Record<string, number>> = DISCIPLINE_DELAY_MONTHS,
): number {
  const wanted = vnKey(kind)
  for (const [k, months] of Object.entries(table)) if (vnKey(k) === wanted) return months
  return 0
}

export type NextSalaryStep =
  | { kind: 'step'; nextStep: number; dueDate: Date }
  | { kind: 'seniority'; dueDate: Date; percent: number }

/**
 * When the next raise is due. Below the last step: the next step, due at
 * step effective date + holding period + delays. At the last step there is no further step: the first TNVK
 * (5 %) becomes due after the same holding period (+ delays) counted from the last step's effective date.
 */
export function nextSalaryStep(input: {
  group: string
  currentStep: number
  maxStep: number
  stepEffectiveDate: DateInput
  delayMonths?: number
}): NextSalaryStep {
  const { group, currentStep, maxStep, stepEffectiveDate, delayMonths = 0 } = input
  if (!Number.isInteger(maxStep) || maxStep < 1) throw new RangeError(`nextSalaryStep: invalid maxStep ${maxStep}`)
  if (!Number.isInteger(currentStep) || currentStep < 1 || currentStep > maxStep) {
    throw new RangeError(`nextSalaryStep: currentStep ${currentStep} is outside 1..${maxStep}`)
  }
  if (!Number.isInteger(delayMonths) || delayMonths < 0) {
    throw new RangeError(`nextSalaryStep: invalid delayMonths ${delayMonths}`)
  }
  const effective = toDate(stepEffectiveDate)
  if (!effective) throw new RangeError(`nextSalaryStep: invalid stepEffectiveDate ${String(stepEffectiveDate)}`)

  const dueDate = addMonths(effective, holdingMonths(group) + delayMonths)
  if (currentStep < maxStep) return { kind: 'step', nextStep: currentStep + 1, dueDate }
  return { kind: 'seniority', dueDate, percent: SENIORITY_START_PERCENT }
}

/**
 * TNVK percentage after monthsAtLastStep months at the last step (domain.md §7.3):
 * m = monthsAtLastStep − delayMonths; m < T → 0; else 5 + floor((m − T) / 12), T = holding period (36 | 24).
 */
export function seniorityAllowancePercent(input: {
  group: string
  monthsAtLastStep: number
  delayMonths?: number
}): number {
  const { group, monthsAtLastStep, delayMonths = 0 } = input
  const t = holdingMonths(group)
  const m = Math.floor(monthsAtLastStep) - Math.max(0, Math.floor(delayMonths))
  if (m < t) return 0
  return SENIORITY_START_PERCENT + Math.floor((m - t) / 12)
}
