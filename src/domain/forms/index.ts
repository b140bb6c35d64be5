import { buildForm2C } from './form2c'
import { buildFormHS02 } from './formHS02'
import type { FormDocument, FormOptions, PrintRecord } from './model'

export * from './model'
export { buildForm2C, FORM_2C_TITLE } from './form2c'
export { buildFormHS02, FORM_HS02_TITLE } from './formHS02'
export { buildRecordExtract, buildReviewPrint, EXTRACT_TITLE, NO_PENDING, REVIEW_TITLE, reviewValue, type PendingChanges, type ReviewField, type ReviewSchema } from './review'

export type CvForm = '2c' | 'hs02'

/**
 * Which CV form a record prints on (domain.md §3): HS02-VC/BNV for viên chức, 2C-BNV/2008 for cán bộ and
 * công chức. Contract workers have no official form; they print on 2C, the general one.
 */
export function chooseForm(record: Pick<PrintRecord, 'employmentType'>): CvForm {
  return record.employmentType === 'public-employee' ? 'hs02' : '2c'
}

export function buildCvForm(record: PrintRecord, form: CvForm, options: FormOptions = {}): FormDocument {
  return form === 'hs02' ? buildFormHS02(record, options) : buildForm2C(record, options)
}
export { signedEdition, type SignedEditionOptions } from './signedEdition'
