import type { Access, FieldAccess } from 'payload'

import { isSysadmin } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'

export const sysadminOnly: Access = ({ req }) => isSysadmin(actorOf(req))
export const sysadminOnlyField: FieldAccess = ({ req }) => isSysadmin(actorOf(req))
