/**
 * Flags server code sets in req.context for the account hooks (hooks/accounts/requestPrivilegeChanges.ts).
 * Only server code writes req.context; nothing from a client reaches it.
 */
/** Account issuance: staff role, the person's own record, a link to their checked address. */
export const ISSUING_ACCOUNT = 'hosoIssuingAccount'
/** Applying a role request that was approved: that write is the approved change itself. */
export const APPLYING_APPROVED_REQUEST = 'hosoApplyingRoleRequest'
/** A newer request replaces the pending one of the same account. */
export const SUPERSEDING = 'hosoSupersedingRoleRequest'
/** Applying a security request (e-mail change, second-factor reset, re-enabling, unit move) that was approved. */
export const APPLYING_SECURITY_REQUEST = 'hosoApplyingSecurityRequest'
