import { JWTAuthentication, type AuthStrategy } from 'payload'

import { noteSecondFactor } from './actor'

/**
 * Payload's own JWT sign-in, run first as the accounts' strategy so that the account it loads is checked for
 * the session's second-factor proof while the request's headers are at hand (src/accounts/actor.ts). Local API
 * calls Payload's admin makes later with that user object alone then keep the rights the session proved.
 * When it finds nobody, Payload's built-in `local-jwt` runs after it and finds nobody too.
 */
export const jwtWithSecondFactor: AuthStrategy = {
  name: 'hoso-jwt',
  authenticate: async (args) => {
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    if (result.user && process.env.HOSO_REQUIRE_MFA !== 'false') noteSecondFactor(result.user, args.headers, args.payload.secret)
    return result
  },
}
