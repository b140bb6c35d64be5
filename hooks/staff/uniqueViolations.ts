import type { CollectionAfterErrorHook } from 'payload'

import { localize, type FieldIssue } from '../../src/domain/errors'
import { DUPLICATE_NATIONAL_ID } from '../../src/domain/nationalId'
import { BLIND_INDEX_FIELD } from '../../src/domain/sealedValue'
import { DUPLICATE_STAFF_CODE } from '../../src/domain/staffValidation'

/** What each unique index of the record means, by the field Payload names in its error. */
const DUPLICATES: Record<string, FieldIssue> = {
  [BLIND_INDEX_FIELD]: DUPLICATE_NATIONAL_ID,
  staffCode: DUPLICATE_STAFF_CODE,
}

type ErrorItem = { path?: string; message?: string; label?: string }
type ErrorBody = { errors?: Array<{ name?: string; message?: string; data?: { collection?: string; errors?: ErrorItem[] } }> }

/**
 * afterError of staff (REST, and so the admin form): a unique index refusing a save — a duplicate staff
 * number, or a CCCD saved twice at the same instant, which the check before the save cannot see — comes from
 * the database as "value must be unique" on the column, for the CCCD on its hidden blind index. The answer
 * names the field the person typed and says what is wrong, in their language, like the checks before it.
 */
export const nameUniqueViolations: CollectionAfterErrorHook = ({ error, req, result }) => {
  const body = result as ErrorBody | undefined
  const first = body?.errors?.[0]
  if ((error as { name?: string })?.name !== 'ValidationError' || !first?.data?.errors?.length) return
  const mustBeUnique = req.t('error:valueMustBeUnique')
  let changed = false
  const language = req.i18n?.language ?? 'vi'
  const errors = first.data.errors.map((item) => {
    const issue = item.path ? DUPLICATES[item.path] : undefined
    if (!issue || item.message !== mustBeUnique) return item
    changed = true
    const message = localize(issue, language)
    return { path: issue.field, message, label: message }
  })
  if (!changed) return
  const summary = `${req.t('error:followingFieldsInvalid', { count: errors.length })} ${errors.map((e) => e.label ?? e.path).join(', ')}`
  return { response: { ...body, errors: [{ ...first, message: summary, data: { ...first.data, errors } }, ...body!.errors!.slice(1)] } }
}
