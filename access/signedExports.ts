import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorWithGrants } from '../src/accounts/actor'
import { scopeToWhere } from './scopeToWhere'

/** A signed export is read with the scope of the record it prints: own record, unit subtree, or all. */
export const readSignedExports: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'read'), 'staff.')
