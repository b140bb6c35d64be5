import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { ministryHrOnly } from '../../access/organisationManagers'
import { auditChangesHook, auditDeleteHook } from '../../hooks/audit/auditChanges'
import { checkCalendarDeletion, checkCalendarEntry, refreshAfterChange, refreshAfterDelete } from '../../hooks/calendar/checkCalendarEntry'
import { label, textareaField, textField } from '../shared/fields'

const nothingSensitive = () => false

/**
 * Lịch nghỉ lễ, Tết — the days the law leaves to the Prime Minister's yearly decision (which 5 days of Tết, the
 * day next to 2/9), swapped days off and make-up working days, and holidays a later law adds. Statutory dates
 * and nghỉ bù are computed (src/domain/calendar). Read by everyone signed in; changed by ministry HR only; audited.
 */
export const WorkingCalendar: CollectionConfig = {
  slug: 'working-calendar',
  labels: { singular: label('Ngày nghỉ lễ, Tết, hoán đổi', 'Calendar day'), plural: label('Lịch nghỉ lễ, Tết', 'Holiday calendar') },
  defaultSort: 'date',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'date',
    defaultColumns: ['date', 'kind', 'occasion', 'name', 'source'],
    group: label('Danh mục', 'Reference data'),
    pagination: { defaultLimit: 50 },
    description: label(
      'Ngày nghỉ Tết Âm lịch, ngày liền kề Quốc khánh (Thủ tướng quyết định hằng năm), ngày nghỉ hoán đổi và ngày làm bù. Ngày lễ cố định và ngày nghỉ bù (Điều 111 khoản 3 Bộ luật Lao động) được tính tự động.',
      'Tết days and the day next to National Day (decided yearly by the Prime Minister), swapped days off and make-up working days. Fixed holidays and days off in lieu (Labour Code Art. 111(3)) are computed.',
    ),
    components: { beforeListTable: ['/src/components/calendar/CalendarNotice#CalendarNotice'] },
  },
  access: { read: isLoggedIn, create: ministryHrOnly, update: ministryHrOnly, delete: ministryHrOnly },
  hooks: {
    beforeChange: [checkCalendarEntry],
    afterChange: [auditChangesHook(nothingSensitive), refreshAfterChange],
    beforeDelete: [checkCalendarDeletion],
    afterDelete: [auditDeleteHook(nothingSensitive), refreshAfterDelete],
  },
  fields: [
    textField('date', 'Ngày', 'Date', {
      required: true,
      unique: true,
      admin: { description: label('dd/mm/yyyy', 'dd/mm/yyyy'), components: { Cell: '/src/components/calendar/CivilDateCell#CivilDateCell' } },
    }),
    { name: 'year', type: 'number', index: true, admin: { readOnly: true, position: 'sidebar' }, label: label('Năm', 'Year') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('Loại ngày', 'Kind'),
      options: [
        { value: 'holiday', label: label('Ngày nghỉ lễ, Tết', 'Public holiday') },
        { value: 'day-off', label: label('Ngày nghỉ hoán đổi', 'Swapped day off') },
        { value: 'working-day', label: label('Ngày làm bù', 'Make-up working day') },
      ],
    },
    {
      name: 'occasion',
      type: 'select',
      label: label('Dịp', 'Occasion'),
      options: [
        { value: 'tet', label: label('Tết Âm lịch', 'Lunar New Year (Tết)') },
        { value: 'national-day', label: label('Ngày liền kề Quốc khánh', 'Day next to National Day') },
        { value: 'other', label: label('Ngày lễ khác do luật quy định', 'Other statutory holiday') },
      ],
      admin: { condition: (data) => data?.kind === 'holiday' },
    },
    textField('name', 'Tên ngày', 'Name', { admin: { description: label('Ví dụ: Mùng 1 Tết Bính Ngọ', 'E.g. Mùng 1 Tết Bính Ngọ') } }),
    textField('source', 'Văn bản quy định', 'Legal source', {
      required: true,
      admin: { description: label('Số, ngày, cơ quan ban hành văn bản', 'Number, date and issuer of the text') },
    }),
    textareaField('note', 'Ghi chú', 'Note'),
  ],
}
