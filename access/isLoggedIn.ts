import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'

/** Any signed-in, enabled account: for data that is not personal (unit tree, code lists, ranks). */
export const isLoggedIn: Access = ({ req }) => actorOf(req) !== null
