// The floors of docs/architecture.md, checked on the real tree: no circular import and imports that point
// down only (.dependency-cruiser.cjs holds the rules), and no copy-pasted code outside declarative field
// lists, migrations and generated files (.jscpd.json). Each check is first shown to catch what it guards.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findClones } from '../../scripts/check-clones.mjs'
import { checkLayers, type LayerViolation } from '../../scripts/check-layers.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const show = (vs: LayerViolation[]) => vs.map((v) => `${v.rule}: ${v.from} → ${v.to}`)

describe('import floors', () => {
  it('catch each kind of upward arrow, and a circle (fixture tree)', async () => {
    const found = show(await checkLayers({ baseDir: path.join(root, 'test/fixtures/layers') }))
    expect(found).toEqual(
      expect.arrayContaining([
        'domain-is-pure: src/domain/rule.ts → node_modules/payload',
        'domain-is-pure: src/domain/rule.ts → src/audit/record.ts',
        'db-is-the-floor: src/db/pool.ts → src/audit/record.ts',
        'signing-is-a-library: src/signing/signer.ts → node_modules/payload',
        'src-never-imports-wiring: src/feature/service.ts → collections/Things/index.ts',
      ]),
    )
    expect(found.filter((v) => v.startsWith('no-circular: ') && v.includes('src/feature/service.ts') && v.includes('collections/Things/index.ts'))).toHaveLength(1)
  })

  it('hold on the real tree: no circle, every import points down', async () => {
    expect(show(await checkLayers({ baseDir: root }))).toEqual([])
  })
})

describe('copy-paste detector', () => {
  it('reports a copied function (fixture pair)', async () => {
    const { clones } = await findClones({ paths: ['test/fixtures/clones'], ignore: [] })
    expect(clones).toEqual([{ first: 'test/fixtures/clones/copy.ts:2-17', second: 'test/fixtures/clones/original.ts:2-17', lines: 16 }])
  })

  it('finds no clone outside declarative field lists, migrations and generated files', async () => {
    const { clones, files } = await findClones()
    expect(files).toBeGreaterThan(300)
    expect(clones.map((c) => `${c.first} ~ ${c.second} (${c.lines} lines)`)).toEqual([])
  })
})
