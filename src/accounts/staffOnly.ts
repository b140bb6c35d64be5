/**
 * An account that holds only the `staff` role (or no role): it works in "Hồ sơ của tôi", not in the admin.
 * Used to hide admin navigation; access rules stay the real protection.
 */
export function isStaffOnly(user: unknown): boolean {
  const u = user as { collection?: string; roles?: string[] } | null | undefined
  if (!u || u.collection !== 'accounts') return false
  return (u.roles ?? []).every((r) => r === 'staff')
}

/** `admin.hidden` for collections a staff-only account has no business browsing. */
export const hiddenFromStaff = ({ user }: { user: unknown }) => isStaffOnly(user)
