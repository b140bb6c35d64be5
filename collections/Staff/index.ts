import type { CollectionConfig, CollectionSlug, Field } from 'payload'

import { createStaffInScope } from '../../access/createInScope'
import { ministryHrOnly } from '../../access/organisationManagers'
import { protectFields, readSensitiveOfStaff } from '../../access/sensitiveFields'
import { readStaffRecords, updateStaffRecords } from '../../access/staffRecords'
import { SENSITIVE_STAFF_FIELDS } from '../../src/domain/sensitivity'
import { auditChangesHook, auditDeleteHook } from '../../hooks/audit/auditChanges'
import { auditReads } from '../../hooks/audit/auditReads'
import { accentInsensitiveSearch } from '../../hooks/staff/accentInsensitiveSearch'
import { staffDerivedFields } from '../../hooks/staff/derivedFields'
import { keepUnitInScope } from '../../hooks/staff/keepUnitInScope'
import { lookupByBlindIndex } from '../../hooks/staff/nationalIdIndex'
import { nameUniqueViolations } from '../../hooks/staff/uniqueViolations'
import { ownPhotoOnly } from '../../hooks/staff/ownPhotoOnly'
import { refuseArchivedRecordDeletion, refuseArchivedRecordEdits } from '../../hooks/staff/refuseArchivedEdits'
import { refuseProtectedDeletion } from '../../hooks/staff/refuseProtectedDeletion'
import { rememberPhotoFiles, removePhotoFiles } from '../../hooks/staff/removePhotoFiles'
import { validateStaffRecord } from '../../hooks/staff/validateStaffRecord'
import { staffDeletionToNationalOutbox, staffToNationalOutbox } from '../../hooks/nationalSync/officialChanges'
import { HISTORY_COLLECTIONS } from '../Histories'
import { label, textareaField } from '../shared/fields'
import { importExportEndpoints } from './endpoints/importExport'
import { listEndpoint } from './endpoints/list'
import { listFilterOptionsEndpoint } from './endpoints/listFilterOptions'
import { cvPdfEndpoint, reviewPdfEndpoint } from './endpoints/print'
import { searchEndpoint } from './endpoints/search'
import { educationFields } from './fields/education'
import { employmentFields, employmentStatusFields } from './fields/employment'
import { identityFields } from './fields/identity'
import { economyFields, healthFields, partyFields, personalHistoryFields } from './fields/partyAndHealth'
import { salaryFields } from './fields/salary'

const isSensitiveStaffField = (field: string) => field in SENSITIVE_STAFF_FIELDS

const history = (name: string, collection: CollectionSlug, vi: string, en: string): Field => ({
  name,
  type: 'join' as const,
  collection,
  on: 'staff',
  label: label(vi, en),
  defaultLimit: 50,
  // Inside the person's record the column naming the person says nothing (and showed "untitled – ID").
  admin: { defaultColumns: ((HISTORY_COLLECTIONS.find((c) => c.slug === collection)?.admin?.defaultColumns ?? []) as string[]).filter((c) => c !== 'staff') },
})

/** Hồ sơ cán bộ, công chức, viên chức, người lao động — one record per person, the superset of 2C and HS02. */
export const Staff: CollectionConfig = {
  slug: 'staff',
  labels: { singular: label('Hồ sơ cán bộ', 'Staff record'), plural: label('Hồ sơ cán bộ', 'Staff records') },
  graphQL: { singularName: 'StaffRecord', pluralName: 'StaffRecords' },
  // Field rules for sensitive items need the record's unit path even when a client selects few fields.
  forceSelect: { unitPath: true },
  // Vietnamese list order: by tên, then họ đệm, with the ICU collation set on the column (migration).
  defaultSort: 'sortName',
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['staffCode', 'fullName', 'gender', 'birthDate', 'rank', 'position', 'unit'],
    listSearchableFields: ['searchName', 'staffCode'],
    // The list view asks the database only for the shown columns (a record has ~100 fields and 8 histories).
    enableListViewSelectAPI: true,
    components: {
      beforeListTable: [
        '/collections/Staff/components/StaffListFilter#StaffListFilter',
        '/collections/Staff/components/SignedExportRequest#SignedExportRequest',
      ],
    },
    group: label('Hồ sơ', 'Records'),
    pagination: { defaultLimit: 25 },
  },
  access: { read: readStaffRecords, create: createStaffInScope, update: updateStaffRecords, delete: ministryHrOnly },
  endpoints: [searchEndpoint, listEndpoint, listFilterOptionsEndpoint, cvPdfEndpoint, reviewPdfEndpoint, ...importExportEndpoints],
  hooks: {
    beforeOperation: [accentInsensitiveSearch, lookupByBlindIndex],
    beforeChange: [refuseArchivedRecordEdits, keepUnitInScope, validateStaffRecord, ownPhotoOnly, staffDerivedFields],
    // Audit trail (src/audit/): changes with masked sensitive values, and every read on behalf of a person.
    // National database outbox (src/nationalSync/): every official change, in the same transaction.
    afterChange: [auditChangesHook(isSensitiveStaffField), staffToNationalOutbox],
    // Deletion (ministry HR): refused while an account or signed exports exist; what belongs only to the
    // record goes with it in the same transaction (ON DELETE CASCADE), then its photo files.
    beforeDelete: [refuseArchivedRecordDeletion, refuseProtectedDeletion, rememberPhotoFiles],
    afterDelete: [auditDeleteHook(isSensitiveStaffField), staffDeletionToNationalOutbox, removePhotoFiles],
    afterOperation: [auditReads],
    // A unique index's refusal (duplicate staff number, a CCCD saved twice at once) named like the checks name it.
    afterError: [nameUniqueViolations],
  },
  // Sensitive items (NĐ 356/2025 Điều 4.1) get a field-level read rule: src/domain/sensitivity.ts.
  fields: protectFields([
    {
      type: 'tabs',
      tabs: [
        { label: label('Thông tin chung', 'Identity'), fields: identityFields },
        { label: label('Công tác', 'Employment'), fields: employmentFields },
        { label: label('Ngạch, lương', 'Rank and salary'), fields: salaryFields },
        { label: label('Trình độ', 'Education'), fields: educationFields },
        { label: label('Đảng, đoàn thể', 'Party and organisations'), fields: partyFields },
        { label: label('Sức khỏe, chính sách', 'Health and policy'), fields: healthFields },
        { label: label('Lịch sử bản thân', 'Personal history'), fields: [...personalHistoryFields, ...economyFields] },
        {
          label: label('Quá trình', 'Histories'),
          fields: [
            history('trainingRecords', 'training-records', 'Đào tạo, bồi dưỡng', 'Training'),
            history('workHistory', 'work-history', 'Quá trình công tác', 'Work history'),
            history('salaryHistory', 'salary-history', 'Diễn biến lương', 'Salary history'),
            history('allowanceHistory', 'allowance-history', 'Phụ cấp', 'Allowances'),
            history('awards', 'awards', 'Khen thưởng', 'Awards'),
            history('evaluations', 'evaluations', 'Đánh giá, xếp loại', 'Evaluations'),
            history('disciplines', 'disciplines', 'Kỷ luật', 'Disciplinary measures'),
            history('familyMembers', 'family-members', 'Quan hệ gia đình', 'Family'),
            history('decisions', 'decisions', 'Quyết định', 'Decisions'),
          ],
        },
        {
          label: label('Nhận xét', 'Assessment'),
          fields: [textareaField('managementComment', 'Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng', 'Assessment by the managing agency')],
        },
      ],
    },
    ...employmentStatusFields,
    // Derived, kept by hooks (names) and by database triggers (unit path); never typed.
    { name: 'searchName', type: 'text', index: true, admin: { hidden: true }, label: label('Họ tên', 'Name') },
    { name: 'sortName', type: 'text', admin: { hidden: true }, label: label('Họ tên (xếp theo tên)', 'Sort name') },
    { name: 'unitPath', type: 'text', admin: { hidden: true }, label: label('Đường dẫn đơn vị', 'Unit path') },
    {
      name: 'printLinks',
      type: 'ui',
      label: label('In hồ sơ', 'Print'),
      admin: { position: 'sidebar', components: { Field: '/collections/Staff/components/PrintButtons#PrintButtons' } },
    },
    {
      name: 'lastConfirmedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
      label: label('Xác nhận thông tin lần cuối', 'Last confirmed'),
    },
  ], new Set(Object.keys(SENSITIVE_STAFF_FIELDS)), readSensitiveOfStaff),
}
