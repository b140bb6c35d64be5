import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { isAuditor } from '../src/domain/access'

/**
 * The audit trail is read by the auditor alone: not by system administrators (who run the database) nor
 * by HR (whose reads it records). Nobody writes it through the API; events come from src/audit/.
 */
export const auditorOnly: Access = ({ req }) => isAuditor(actorOf(req))
