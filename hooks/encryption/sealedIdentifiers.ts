import type { FieldHook } from 'payload'

import { dataKeyring } from '../../src/crypto/dataKey'
import { isSealed, mapSealedFields, normalizeIdentifier } from '../../src/domain/sealedValue'

/**
 * Identifiers are sealed on their way into the database and opened on their way out (src/domain/sealedValue.ts),
 * so every path that goes through Payload — REST, GraphQL, the admin, the Local API, prints, exports, change
 * requests — sees plaintext while the table, dumps and backups hold only ciphertext.
 */
const seal = (field: string, value: unknown): string | null => {
  const plain = normalizeIdentifier(value)
  return plain == null ? null : dataKeyring().seal(plain, field)
}
const open = (field: string, value: unknown): unknown => (isSealed(value) ? dataKeyring().open(value, field) : value)

/** beforeChange of a sealed text field: the normalised value, sealed (blank → null). */
export const sealOnWrite: FieldHook = ({ field, value }) => (value === undefined ? undefined : seal(field.name!, value))

/** afterRead of a sealed text field. */
export const openOnRead: FieldHook = ({ field, value }) => (value == null ? value : open(field.name!, value))

interface FieldMap {
  fields?: Record<string, unknown>
  [k: string]: unknown
}

/** beforeChange of a change request's JSON (`proposal`, `base`): declared identifiers are sealed too. */
export const sealDeclaredIdentifiers: FieldHook = ({ value }) => {
  const v = value as FieldMap | null | undefined
  if (!v?.fields) return value
  // Always sealed afresh, like the record's own fields: what arrives here is plaintext (Payload fills fields not
  // being written from the document as read, i.e. opened), and text that merely looks sealed is data like any other.
  return { ...v, fields: mapSealedFields(v.fields, (f, x) => (x == null ? x : seal(f, x))) }
}

/** afterRead of a change request's JSON. */
export const openDeclaredIdentifiers: FieldHook = ({ value }) => {
  const v = value as FieldMap | null | undefined
  if (!v?.fields) return value
  return { ...v, fields: mapSealedFields(v.fields, (f, x) => open(f, x)) }
}
