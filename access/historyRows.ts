import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorOf } from './actor'
import { scopeToWhere } from './scopeToWhere'

/** History rows follow their staff record's scope (filter through the `staff` relationship). */
export const readHistoryRows: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'read'), 'staff.')
export const updateHistoryRows: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'update'), 'staff.')
