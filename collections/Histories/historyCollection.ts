import type { CollectionConfig, Field } from 'payload'

import { createHistoryInScope } from '../../access/createInScope'
import { readHistoryRows, readSensitiveHistoryRows, updateHistoryRows } from '../../access/historyRows'
import { protectFields, readSensitiveOfRow } from '../../access/sensitiveFields'
import { auditChangesHook, auditDeleteHook } from '../../hooks/audit/auditChanges'
import { auditReads } from '../../hooks/audit/auditReads'
import { historyDeletionToNationalOutbox, historyToNationalOutbox } from '../../hooks/nationalSync/officialChanges'
import { keepRowOnItsRecord } from '../../hooks/rows/keepRowOnItsRecord'
import { refuseArchivedRowDeletion, refuseArchivedRowEdits } from '../../hooks/staff/refuseArchivedEdits'
import { label } from '../shared/fields'

interface HistoryOptions {
  slug: string
  singular: [vi: string, en: string]
  plural: [vi: string, en: string]
  fields: Field[]
  defaultColumns: string[]
  defaultSort: string
  /** Form item numbers, for the admin description. */
  formItems: string
  /** The whole row is sensitive (read by HR in scope and the person only). */
  sensitive?: boolean
  /** Fields of the row that are sensitive. */
  sensitiveFields?: string[]
}

/**
 * One dated row of a person's history (quá trình …), linked to the staff record. Histories are their
 * own collections rather than array fields: long arrays freeze Payload's edit view, rows are never
 * overwritten, and each row can later carry its decision document.
 */
export function historyCollection(o: HistoryOptions): CollectionConfig {
  // Audit logs mask sensitive values: every field of a sensitive row (but the person it belongs to).
  const isSensitive = (field: string) => (o.sensitive ? field !== 'staff' : (o.sensitiveFields ?? []).includes(field))
  return {
    slug: o.slug,
    labels: { singular: label(...o.singular), plural: label(...o.plural) },
    defaultSort: o.defaultSort,
    admin: {
      defaultColumns: ['staff', ...o.defaultColumns],
      group: label('Quá trình', 'Histories'),
      description: label(`Mục ${o.formItems} của sơ yếu lý lịch`, `CV form items ${o.formItems}`),
      pagination: { defaultLimit: 25 },
    },
    hooks: {
      beforeChange: [keepRowOnItsRecord, refuseArchivedRowEdits],
      beforeDelete: [refuseArchivedRowDeletion],
      afterChange: [auditChangesHook(isSensitive), historyToNationalOutbox],
      afterDelete: [auditDeleteHook(isSensitive), historyDeletionToNationalOutbox],
      afterOperation: [auditReads],
    },
    access: {
      read: o.sensitive ? readSensitiveHistoryRows : readHistoryRows,
      create: createHistoryInScope,
      update: updateHistoryRows,
      delete: updateHistoryRows,
    },
    fields: [
      {
        name: 'staff',
        type: 'relationship',
        relationTo: 'staff',
        required: true,
        index: true,
        label: label('Cán bộ', 'Staff member'),
      },
      ...(o.sensitiveFields ? protectFields(o.fields, new Set(o.sensitiveFields), readSensitiveOfRow) : o.fields),
    ],
  }
}
