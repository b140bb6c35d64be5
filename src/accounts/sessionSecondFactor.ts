import { cookies } from 'next/headers'
import type { Payload } from 'payload'

import { MFA_COOKIE } from './actor'
import { isValidProof, requiresSecondFactor } from './mfa'

/** For server components: does this signed-in user still have to pass the second factor? */
export async function needsSecondFactor(payload: Payload, user: unknown): Promise<boolean> {
  const u = user as { roles?: string[]; _sid?: string } | null
  if (!u || process.env.HOSO_REQUIRE_MFA === 'false' || !requiresSecondFactor(u.roles)) return false
  return !isValidProof(payload.secret, u._sid, (await cookies()).get(MFA_COOKIE)?.value)
}
