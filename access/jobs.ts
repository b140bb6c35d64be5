import type { PayloadRequest } from 'payload'

import { isSysadmin } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'

/** Payload lets any signed-in account queue, run or cancel jobs over REST by default: system administrators only. */
export const jobsSysadminOnly = ({ req }: { req: PayloadRequest }): boolean => isSysadmin(actorOf(req))
