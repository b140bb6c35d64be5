import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'

/** Pending role changes are seen and decided by those who may approve them: ministry HR and system administrators. */
export const roleRequestDeciders: Access = ({ req }) => Boolean(actorOf(req)?.roles.some((r) => r === 'ministry-hr' || r === 'sysadmin'))
