import type { CollectionBeforeOperationHook, Where } from 'payload'

import { searchKey } from '../../src/domain/names'

/** Rewrites conditions on `searchName` (stored unaccented) so that "Nguyễn Văn Đức", "nguyen van duc" and "NGUYEN VAN DUC" all match. */
function normalize(where: Where): Where {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      out[key] = value.map((w) => normalize(w as Where))
    } else if (key === 'searchName' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([op, v]) => [op, typeof v === 'string' ? searchKey(v) : v]),
      )
    } else {
      out[key] = value as Where[string]
    }
  }
  return out
}

export const accentInsensitiveSearch: CollectionBeforeOperationHook = ({ args }) => {
  if (args && typeof args === 'object' && 'where' in args && args.where) {
    ;(args as { where: Where }).where = normalize((args as { where: Where }).where)
  }
  return args
}
