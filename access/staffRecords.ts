import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorOf } from './actor'
import { scopeToWhere } from './scopeToWhere'

/** Staff records: own record, unit subtree, or all — by role (src/domain/access.ts). */
export const readStaffRecords: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'read'))
export const updateStaffRecords: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'update'))
