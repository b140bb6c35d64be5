import type { CollectionConfig } from 'payload'

import { createHistoryInScope } from '../../access/createInScope'
import { readHistoryRows, updateHistoryRows } from '../../access/historyRows'
import { noFileFromUrl } from '../../hooks/photos/noFileFromUrl'
import { keepRowOnItsRecord } from '../../hooks/rows/keepRowOnItsRecord'
import { label } from '../shared/fields'

/**
 * Ảnh 4×6 of a staff record — personal data: readable and changeable with the same scope as the record
 * it belongs to (files are served through Payload, which applies this access). Files live under
 * MEDIA_DIR (default ./.data/media/photos), never in git.
 */
export const Photos: CollectionConfig = {
  slug: 'photos',
  labels: { singular: label('Ảnh', 'Photo'), plural: label('Ảnh hồ sơ', 'Photos') },
  admin: { group: label('Hồ sơ', 'Records'), defaultColumns: ['filename', 'staff'] },
  access: { read: readHistoryRows, create: createHistoryInScope, update: updateHistoryRows, delete: updateHistoryRows },
  // Files come as uploads only: no server-side download from a given URL (hooks/photos/noFileFromUrl.ts).
  hooks: { beforeOperation: [noFileFromUrl], beforeChange: [keepRowOnItsRecord] },
  upload: {
    staticDir: process.env.MEDIA_DIR ?? '.data/media/photos',
    mimeTypes: ['image/jpeg', 'image/png'],
  },
  fields: [
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Cán bộ', 'Staff member') },
    { name: 'alt', type: 'text', label: label('Mô tả', 'Description') },
  ],
}
