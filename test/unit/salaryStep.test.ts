import { formatDate } from '../../src/domain/dates'
import { DomainError } from '../../src/domain/errors'
import {
  DISCIPLINE_DELAY_MONTHS,
  disciplineDelayMonths,
  holdingMonths,
  nextSalaryStep,
  seniorityAllowancePercent,
} from '../../src/domain/salaryStep'

describe('holdingMonths (TT 08/2013 Điều 2.1.a)', () => {
  test.each(['A3.1', 'A3.2', 'A2.1', 'A2.2', 'A1', 'A0'])('%s → 36 months', (g) => {
    expect(holdingMonths(g)).toBe(36)
  })
  test.each(['B', 'C1', 'C2', 'C3'])('%s → 24 months', (g) => {
    expect(holdingMonths(g)).toBe(24)
  })
  test('unknown group throws a bilingual DomainError', () => {
    expect(() => holdingMonths('Z9')).toThrow(DomainError)
    try {
      holdingMonths('Z9')
    } catch (e) {
      expect((e as DomainError).issues[0]).toMatchObject({ field: 'group' })
      expect((e as DomainError).issues[0]!.vi).toContain('Z9')
    }
  })
})

describe('nextSalaryStep', () => {
  test('A1 below the last step: next step after 36 months', () => {
    const r = nextSalaryStep({ group: 'A1', currentStep: 3, maxStep: 9, stepEffectiveDate: '2021-07-01' })
    expect(r.kind).toBe('step')
    if (r.kind !== 'step') throw new Error('unreachable')
    expect(r.nextStep).toBe(4)
    expect(formatDate(r.dueDate)).toBe('01/07/2024')
  })

  test('B: 24 months; delays are added', () => {
    const r = nextSalaryStep({
      group: 'B',
      currentStep: 1,
      maxStep: 12,
      stepEffectiveDate: '2022-03-15',
      delayMonths: 6,
    })
    expect(r).toEqual({ kind: 'step', nextStep: 2, dueDate: new Date(Date.UTC(2024, 8, 15)) })
  })

  test('end-of-month effective dates clamp', () => {
    const r = nextSalaryStep({ group: 'C1', currentStep: 2, maxStep: 12, stepEffectiveDate: '2022-08-31', delayMonths: 6 })
    // 31/08/2022 + 30 months = 28/02/2025
    expect(formatDate(r.dueDate)).toBe('28/02/2025')
  })

  test('at the last step: TNVK 5 % due after the holding period', () => {
    const r = nextSalaryStep({ group: 'A1', currentStep: 9, maxStep: 9, stepEffectiveDate: new Date(Date.UTC(2020, 0, 1)) })
    expect(r).toEqual({ kind: 'seniority', dueDate: new Date(Date.UTC(2023, 0, 1)), percent: 5 })
    const delayed = nextSalaryStep({
      group: 'B',
      currentStep: 12,
      maxStep: 12,
      stepEffectiveDate: '2020-01-01',
      delayMonths: 12,
    })
    expect(delayed).toEqual({ kind: 'seniority', dueDate: new Date(Date.UTC(2023, 0, 1)), percent: 5 })
  })

  test('rejects impossible inputs', () => {
    const base = { group: 'A1', maxStep: 9, stepEffectiveDate: '2020-01-01' }
    expect(() => nextSalaryStep({ ...base, currentStep: 0 })).toThrow(RangeError)
    expect(() => nextSalaryStep({ ...base, currentStep: 10 })).toThrow(RangeError)
    expect(() => nextSalaryStep({ ...base, currentStep: 2.5 })).toThrow(RangeError)
    expect(() => nextSalaryStep({ ...base, currentStep: 1, delayMonths: -1 })).toThrow(RangeError)
    expect(() => nextSalaryStep({ ...base, currentStep: 1, stepEffectiveDate: 'x' })).toThrow(RangeError)
    expect(() => nextSalaryStep({ ...base, group: '??', currentStep: 1 })).toThrow(DomainError)
  })
})

describe('seniorityAllowancePercent (§7.3)', () => {
  test('A groups: 0 before 36 months, 5 % at 36, +1 % per further full year', () => {
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 0 })).toBe(0)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 35 })).toBe(0)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 36 })).toBe(5)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 47 })).toBe(5)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 48 })).toBe(6)
    expect(seniorityAllowancePercent({ group: 'A2.1', monthsAtLastStep: 36 + 12 * 10 })).toBe(15)
  })

  test('B / C groups start after 24 months', () => {
    expect(seniorityAllowancePercent({ group: 'B', monthsAtLastStep: 23 })).toBe(0)
    expect(seniorityAllowancePercent({ group: 'B', monthsAtLastStep: 24 })).toBe(5)
    expect(seniorityAllowancePercent({ group: 'C2', monthsAtLastStep: 60 })).toBe(8)
  })

  test('delays are subtracted from the months at the last step', () => {
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 40, delayMonths: 6 })).toBe(0)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 42, delayMonths: 6 })).toBe(5)
    expect(seniorityAllowancePercent({ group: 'A1', monthsAtLastStep: 60, delayMonths: 12 })).toBe(6)
  })
})

describe('disciplineDelayMonths (UNCERTAIN amounts, replaceable table)', () => {
  test('default table', () => {
    expect(disciplineDelayMonths('Khiển trách')).toBe(6)
    expect(disciplineDelayMonths('Cảnh cáo')).toBe(6)
    expect(disciplineDelayMonths('Giáng chức')).toBe(12)
    expect(disciplineDelayMonths('Cách chức')).toBe(12)
    expect(disciplineDelayMonths('Không hoàn thành nhiệm vụ')).toBe(12)
  })

  test('matching ignores case, surrounding spaces and Unicode composition', () => {
    expect(disciplineDelayMonths('  khiển trách ')).toBe(6)
    expect(disciplineDelayMonths('CẢNH CÁO')).toBe(6)
    expect(disciplineDelayMonths('Khiển trách'.normalize('NFD'))).toBe(6)
  })

  test('unknown or non-delaying kinds give 0', () => {
    expect(disciplineDelayMonths('Hoàn thành tốt nhiệm vụ')).toBe(0)
    expect(disciplineDelayMonths('')).toBe(0)
  })

  test('callers can replace the table', () => {
    const table = { ...DISCIPLINE_DELAY_MONTHS, 'Khiển trách': 3 }
    expect(disciplineDelayMonths('Khiển trách', table)).toBe(3)
    expect(disciplineDelayMonths('Cảnh cáo', table)).toBe(6)
  })
})
