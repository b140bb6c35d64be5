import type { CollectionBeforeChangeHook } from 'payload'

import { DomainError } from '../../src/domain/errors'
import { prepareSavedDefinition } from '../../src/domain/reports'
import { withRefusals } from '../validationError'

/** A report definition is refused by name unless valid; its code, title and version follow the JSON. */
export const prepareDefinition: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) =>
  withRefusals('report-definitions', req, async () => {
    const previous = operation === 'update' ? Number((originalDoc as { version?: number } | undefined)?.version ?? 0) || null : null
    const prepared = prepareSavedDefinition(data.definition, previous)
    if (operation === 'update' && originalDoc && (originalDoc as { code?: string }).code !== prepared.code) {
      throw new DomainError([{ field: 'definition.code', vi: 'Không đổi mã của báo cáo đã lưu; hãy tạo định nghĩa mới', en: 'The code of a saved report does not change; create a new definition' }])
    }
    return { ...data, definition: prepared.definition, code: prepared.code, title: prepared.title, version: prepared.version }
  })
