// The Excel import/export layout and the meaning of its cells and rows (issue 22, docs/import.md).
export * from './layout'
export * from './cells'
export * from './rows'
