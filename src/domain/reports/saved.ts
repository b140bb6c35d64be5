/**
 * A definition saved by ministry HR (`report-definitions`): checked by name (validate.ts), its code and title
 * taken from the JSON, its version one above the one it replaces.
 */
import { DomainError } from '../errors'
import type { ReportDefinition } from './definition'
import { validateDefinition } from './validate'

export function prepareSavedDefinition(input: unknown, previousVersion: number | null): { definition: ReportDefinition; code: string; title: string; version: number } {
  const issues = validateDefinition(input)
  if (issues.length) throw new DomainError(issues.map((i) => ({ ...i, field: `definition.${i.field}` })))
  const given = input as ReportDefinition
  const version = previousVersion == null ? given.version : Math.max(given.version, previousVersion + 1)
  const definition = { ...given, version }
  return { definition, code: definition.code, title: definition.title, version }
}
