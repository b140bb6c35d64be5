import type { Access } from 'payload'

/** Any signed-in account. Temporary baseline until role/subtree scoping lands (see README "Status"). */
export const isLoggedIn: Access = ({ req }) => Boolean(req.user)
