// One person's whole record as canonical, versioned JSON (docs/record-json.md).
export * from './schema'
export * from './canonical'
export * from './validate'
export { recordJsonSchema } from './jsonSchema'
