import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { organisationManagers } from '../../access/organisationManagers'
import { label } from '../shared/fields'

/** Ảnh 4×6 of a staff record. Files live under MEDIA_DIR (default ./.data/media), never in git. */
export const Photos: CollectionConfig = {
  slug: 'photos',
  labels: { singular: label('Ảnh', 'Photo'), plural: label('Ảnh hồ sơ', 'Photos') },
  admin: { group: label('Hồ sơ', 'Records') },
  access: { read: isLoggedIn, create: organisationManagers, update: organisationManagers, delete: organisationManagers },
  upload: {
    staticDir: process.env.MEDIA_DIR ?? '.data/media/photos',
    mimeTypes: ['image/jpeg', 'image/png'],
  },
  fields: [{ name: 'alt', type: 'text', label: label('Mô tả', 'Description') }],
}
