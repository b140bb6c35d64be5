import type { Access } from 'payload'

import { isMinistryHr, mayManageOrganisation } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'

/** Unit tree, code lists and ranks are changed by system administrators and ministry HR only. */
export const organisationManagers: Access = ({ req }) => mayManageOrganisation(actorOf(req))

/** Deleting a personnel record is ministry HR's decision alone (a system administrator reads no records). */
export const ministryHrOnly: Access = ({ req }) => isMinistryHr(actorOf(req))
