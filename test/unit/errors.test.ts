import { DomainError, localize, type FieldIssue } from '../../src/domain/errors'

const issues: FieldIssue[] = [
  { field: 'fullName', vi: 'Họ và tên là bắt buộc', en: 'Full name is required' },
  { field: 'birthDate', vi: 'Ngày sinh là bắt buộc', en: 'Date of birth is required' },
]

test('DomainError joins the Vietnamese messages and keeps the issues', () => {
  const err = new DomainError(issues)
  expect(err).toBeInstanceOf(Error)
  expect(err).toBeInstanceOf(DomainError)
  expect(err.message).toBe('Họ và tên là bắt buộc; Ngày sinh là bắt buộc')
  expect(err.issues).toEqual(issues)
  expect(err.name).toBe('DomainError')
})

test('localize: en gives English, anything else Vietnamese', () => {
  expect(localize(issues[0]!, 'en')).toBe('Full name is required')
  expect(localize(issues[0]!, 'vi')).toBe('Họ và tên là bắt buộc')
  expect(localize(issues[0]!, 'fr')).toBe('Họ và tên là bắt buộc')
  expect(localize(issues[0]!, '')).toBe('Họ và tên là bắt buộc')
})
