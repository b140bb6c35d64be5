/** Writes docs/schemas/record-v1.json from src/domain/record (run after changing the schema; a unit test compares). */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { recordJsonSchema } from '../src/domain/record/jsonSchema'

export const recordSchemaFile = () => `${JSON.stringify(recordJsonSchema(), null, 2)}\n`

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/schemas/record-v1.json')
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, recordSchemaFile())
  console.log(`wrote ${path.relative(process.cwd(), target)}`)
}
