import { ROLE_LABELS, ROLES } from '../domain/roles'

/** The account roles as the admin shows them (src/domain/roles.ts describes what each may do). */
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
