import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { organisationManagers } from '../../access/organisationManagers'
import { CODE_LIST_LABELS } from '../../src/domain/reference/codeLists'
import { dateField, label, textField } from '../shared/fields'

/**
 * Danh mục dùng chung — code lists (dân tộc, tôn giáo, tỉnh/thành, trình độ …) as data with validity
 * dates and legal source, editable by administrators; seeded from src/domain/reference/codeLists.ts.
 */
export const CODE_LIST_OPTIONS = Object.entries(CODE_LIST_LABELS).map(([value, l]) => ({ value, label: label(l.vi, l.en) }))

export const Codes: CollectionConfig = {
  slug: 'codes',
  labels: { singular: label('Danh mục', 'Code'), plural: label('Danh mục dùng chung', 'Code lists') },
  defaultSort: 'sortOrder',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['list', 'code', 'name', 'validFrom', 'validTo'],
    group: label('Danh mục', 'Reference data'),
    pagination: { defaultLimit: 50 },
  },
  access: { read: isLoggedIn, create: organisationManagers, update: organisationManagers, delete: organisationManagers },
  indexes: [{ fields: ['list', 'code'], unique: true }],
  fields: [
    { name: 'list', type: 'select', required: true, index: true, options: CODE_LIST_OPTIONS, label: label('Danh mục', 'List') },
    textField('code', 'Mã', 'Code', { required: true }),
    textField('name', 'Tên', 'Name', { required: true }),
    { name: 'sortOrder', type: 'number', defaultValue: 0, label: label('Thứ tự', 'Order') },
    { name: 'rank', type: 'number', label: label('Bậc (để tính "cao nhất")', 'Rank (for "highest")') },
    textField('aliases', 'Tên gọi khác (phân cách bằng dấu ;)', 'Aliases (separated by ;)'),
    dateField('validFrom', 'Hiệu lực từ', 'Valid from'),
    dateField('validTo', 'Hiệu lực đến', 'Valid to'),
    textField('source', 'Văn bản quy định', 'Legal source'),
  ],
}
