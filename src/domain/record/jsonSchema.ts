/**
 * The published JSON Schema (draft 2020-12) of "hoso.record/1", derived from schema.ts so the two cannot drift:
 * `npx tsx scripts/generate-record-schema.ts` writes docs/schemas/record-v1.json, and a unit test fails when the
 * committed file differs. For consumers outside hoso; hoso itself checks documents with validate.ts.
 */
import { HISTORIES, PHOTO_FIELDS, RECORD_SCHEMA_ID, STAFF_GROUPS, sensitivePaths, type FieldSpec } from './schema'

type Schema = Record<string, unknown>

function valueSchema(spec: FieldSpec): Schema {
  const t = spec.type
  const nullable = (s: Schema): Schema => (spec.required ? s : { anyOf: [s, { type: 'null' }] })
  switch (t.kind) {
    case 'text':
      return nullable({ type: 'string', minLength: 1 })
    case 'email':
      return nullable({ type: 'string', format: 'email' })
    case 'number':
      return nullable({ type: 'number' })
    case 'integer':
      return nullable({ type: 'integer' })
    case 'date':
      return nullable({ type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })
    case 'month':
      return nullable({ type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })
    case 'select':
      return nullable({ enum: [...t.options] })
    case 'code':
      return nullable({
        type: 'object',
        'x-codeList': t.list,
        properties: { list: { const: t.list }, code: { type: 'string', minLength: 1 } },
        required: ['list', 'code'],
        additionalProperties: false,
      })
    case 'unit':
    case 'rank':
      return nullable({ type: 'object', properties: { code: { type: 'string', minLength: 1 } }, required: ['code'], additionalProperties: false })
  }
}

const objectOf = (fields: readonly FieldSpec[], extra: Schema = {}, optional: readonly string[] = []): Schema => ({
  type: 'object',
  properties: { ...extra, ...Object.fromEntries(fields.map((f) => [f.key, valueSchema(f)])) },
  required: [...Object.keys(extra), ...fields.map((f) => f.key).filter((k) => !optional.includes(k))],
  additionalProperties: false,
})

export function recordJsonSchema(): Schema {
  const id = { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:hoso:schema:record:1',
    title: RECORD_SCHEMA_ID,
    description:
      "One person's whole personnel record (hoso). Canonical form: RFC 8785. Groups and histories a reader may not see are absent and listed in `omitted`. See docs/record-json.md.",
    type: 'object',
    properties: {
      schema: { const: RECORD_SCHEMA_ID },
      id,
      ...Object.fromEntries(STAFF_GROUPS.map((g) => [g.key, { ...objectOf(g.fields), description: `${g.label.vi} / ${g.label.en}` }])),
      histories: {
        type: 'object',
        properties: Object.fromEntries(
          HISTORIES.map((h) => [
            h.key,
            {
              type: 'array',
              description: `${h.label.vi} / ${h.label.en}`,
              items: objectOf(h.fields, { id }, h.sensitive === 'rows' ? [] : h.sensitive),
            },
          ]),
        ),
        additionalProperties: false,
      },
      photo: { anyOf: [objectOf(PHOTO_FIELDS), { type: 'null' }] },
      omitted: { type: 'array', items: { enum: [...new Set([...STAFF_GROUPS.map((g) => g.key), ...sensitivePaths()])].sort() }, uniqueItems: true },
    },
    required: ['schema', 'id', 'histories', 'photo', 'omitted'],
    additionalProperties: false,
  }
}
