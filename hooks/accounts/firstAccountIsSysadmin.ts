import type { CollectionBeforeChangeHook } from 'payload'

/**
 * On a fresh production database the first account (Payload's "create first user" screen) becomes the
 * system administrator; after that, only a system administrator can grant roles.
 */
export const firstAccountIsSysadmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'accounts', req, overrideAccess: true })
  if (totalDocs === 0) data.roles = ['sysadmin']
  return data
}
