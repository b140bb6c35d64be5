import type { Access } from 'payload'

/** Not through the API: the rows are written by server code (jobs) through the Local API only. */
export const nobody: Access = () => false
