import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { checkPassword } from '../../src/domain/passwordPolicy'
import { throwIssues } from '../validationError'

/** Every new or changed password meets the policy in src/domain/passwordPolicy.ts (admin, REST, Local API). */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const password = data?.password
  if (typeof password !== 'string' || password === '') return data
  const issues = checkPassword(password, {
    email: (data?.email as string | undefined) ?? (originalDoc?.email as string | undefined),
    fullName: (data?.displayName as string | undefined) ?? (originalDoc?.displayName as string | undefined),
  })
  if (issues.length) throwIssues('accounts', issues, req)
  return data
}

/** Payload's reset-password operation (also the activation link) bypasses beforeValidate's plaintext: check here. */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  const issues = checkPassword(typeof password === 'string' ? password : '')
  if (issues.length) throwIssues('accounts', issues, req)
  return args
}
