import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorWithGrants } from '../src/accounts/actor'
import { scopeToWhere } from './scopeToWhere'

/** Staff records: own record, unit subtree, or all — by role (src/domain/access.ts). */
export const readStaffRecords: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'read'))
export const updateStaffRecords: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'update'))
