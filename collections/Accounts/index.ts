import type { CollectionConfig } from 'payload'

import { sysadminOnly, sysadminOnlyField } from '../../access/isSysadmin'
import { selfOrSysadmin } from '../../access/selfOrSysadmin'
import { auditFailedLogin, auditLogin } from '../../hooks/audit/auditLogins'
import { enforcePasswordPolicy, enforcePasswordPolicyOnReset } from '../../hooks/accounts/enforcePasswordPolicy'
import { firstAccountIsSysadmin } from '../../hooks/accounts/firstAccountIsSysadmin'
import { issueEndpoint } from './endpoints/issue'
import { secondFactorEndpoints } from './endpoints/secondFactor'
import { refuseDisabledLogin } from '../../hooks/accounts/refuseDisabledLogin'
import { clearSignInCount, throttleSignIn } from '../../hooks/accounts/throttleSignIn'
import { holdSecurityChanges, recordPasswordReset, recordSecurityChanges, refuseOthersPasswords } from '../../hooks/accounts/guardAccountSecurity'
import { rejectPrivilegeChanges } from '../../hooks/accounts/rejectPrivilegeChanges'
import { recordRoleRequest, requestPrivilegeChanges } from '../../hooks/accounts/requestPrivilegeChanges'
import { jwtWithSecondFactor } from '../../src/accounts/authStrategy'
import { ROLE_OPTIONS } from '../../src/accounts/roleOptions'

/** Tài khoản — exactly one per person (QĐ 832/QĐ-BNV); system roles may have no staff record. */
export const Accounts: CollectionConfig = {
  slug: 'accounts',
  labels: {
    singular: { vi: 'Tài khoản', en: 'Account' },
    plural: { vi: 'Tài khoản', en: 'Accounts' },
  },
  auth: {
    // Every authenticated request loads its account: the unit and staff relationships stay ids (access rules
    // need only the ids), instead of Payload's default depth 2 that would read the whole staff record each time.
    depth: 0,
    tokenExpiration: 60 * 60 * 8,
    // Payload's per-account lockout let anyone lock a person out and answered "locked" only for real accounts:
    // off. Sign-in is throttled by client address instead (hooks/accounts/throttleSignIn.ts, docs/security.md).
    maxLoginAttempts: 0,
    // Payload's own cookie; src/server/crossSite.ts also marks every cookie Secure on a request that came over https.
    cookies: { secure: (process.env.PUBLIC_URL ?? '').startsWith('https://') },
    // Payload's JWT sign-in, noting the session's second-factor proof on the account it loads.
    strategies: [jwtWithSecondFactor],
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'displayName', 'roles', 'unit'],
    group: { vi: 'Hệ thống', en: 'System' },
  },
  // Payload's default `unlock` lets any signed-in account clear another's lockout: restricted here.
  access: { read: selfOrSysadmin, create: sysadminOnly, update: selfOrSysadmin, delete: sysadminOnly, unlock: sysadminOnly },
  endpoints: [issueEndpoint, ...secondFactorEndpoints],
  hooks: {
    beforeOperation: [throttleSignIn, refuseOthersPasswords, rejectPrivilegeChanges, enforcePasswordPolicyOnReset],
    beforeValidate: [enforcePasswordPolicy],
    beforeChange: [firstAccountIsSysadmin, requestPrivilegeChanges, holdSecurityChanges],
    afterChange: [recordRoleRequest, recordSecurityChanges],
    beforeLogin: [refuseDisabledLogin],
    afterLogin: [clearSignInCount, auditLogin],
    afterOperation: [recordPasswordReset],
    afterError: [auditFailedLogin],
  },
  fields: [
    { name: 'displayName', type: 'text', label: { vi: 'Tên hiển thị', en: 'Display name' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['staff'],
      label: { vi: 'Vai trò', en: 'Roles' },
      // Only a system administrator requests roles, units and record links (no self-escalation); roles that
      // read personal data and system roles take effect once another person approves (collections/RoleRequests).
      access: { create: sysadminOnlyField, update: sysadminOnlyField },
      options: ROLE_OPTIONS,
      admin: {
        description: {
          vi: 'Vai trò xem hồ sơ cá nhân (cán bộ tổ chức, thủ trưởng, Vụ TCCB), vai trò hệ thống, đơn vị phụ trách và hồ sơ gắn với tài khoản chỉ có hiệu lực khi người khác phê duyệt: xem Hệ thống → Đề nghị thay đổi vai trò.',
          en: 'Roles that read personal records (HR, unit head, ministry HR), system roles, the unit in charge and the linked record take effect only once someone else approves: see System → Role change requests.',
        },
      },
    },
    { name: 'pendingRoleRequests', type: 'ui', admin: { components: { Field: '/src/components/accounts/PendingRoleRequests#PendingRoleRequests' } } },
    { name: 'staff', type: 'relationship', relationTo: 'staff', unique: true, access: { create: sysadminOnlyField, update: sysadminOnlyField }, label: { vi: 'Hồ sơ cán bộ', en: 'Staff record' } },
    {
      name: 'disabled',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: sysadminOnlyField, update: sysadminOnlyField },
      admin: { position: 'sidebar', description: { vi: 'Người đã nghỉ việc, chuyển công tác: không đăng nhập được, dữ liệu giữ nguyên', en: 'Left or transferred: cannot sign in; data is kept' } },
      label: { vi: 'Vô hiệu hóa', en: 'Disabled' },
    },
    // Two-factor sign-in (src/accounts/mfa.ts): secrets are never readable or writable through the API;
    // only the endpoints in ./endpoints/secondFactor.ts change them.
    ...(['totpSecret', 'totpPendingSecret'] as const).map((name) => ({ name, type: 'text' as const, admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } })),
    { name: 'totpLastStep', type: 'number', admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } },
    { name: 'mfaFailures', type: 'number', admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } },
    { name: 'mfaLockedUntil', type: 'date', admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } },
    // When the pending secret was issued: asked again while it is valid, enrolment shows the same one.
    { name: 'totpPendingAt', type: 'date', admin: { hidden: true }, access: { read: () => false, create: () => false, update: () => false } },
    {
      name: 'totpEnabledAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', description: { vi: 'Quản trị hệ thống có thể đặt lại khi người dùng mất thiết bị', en: 'A system administrator can reset it when the device is lost' } },
      access: { create: () => false, update: () => false },
      label: { vi: 'Bật xác thực hai bước lúc', en: 'Two-factor enabled at' },
    },
    {
      // Set while an issued account waits for its activation e-mail to go out (a failed send is retried).
      name: 'activationPending',
      type: 'checkbox',
      defaultValue: false,
      admin: { hidden: true },
      access: { update: sysadminOnlyField },
    },
    {
      name: 'activationSentAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
      access: { update: sysadminOnlyField },
      label: { vi: 'Đã gửi thư kích hoạt lúc', en: 'Activation e-mail sent at' },
    },
    {
      // Opt-out of the weekly reminder digests (not of reminders HR sends on purpose). The person's own
      // field: no field access rule, and rejectPrivilegeChanges leaves it alone.
      name: 'reminderOptOut',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Không nhận thư nhắc cập nhật hằng tuần', en: 'No weekly update reminders' },
      admin: { position: 'sidebar' },
    },
    { name: 'unit', type: 'relationship', relationTo: 'units', access: { create: sysadminOnlyField, update: sysadminOnlyField }, label: { vi: 'Đơn vị phụ trách', en: 'Unit in charge' } },
  ],
}
