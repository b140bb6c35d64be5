#!/usr/bin/env node
// `npm run check:layers`: the floors of docs/architecture.md, checked by dependency-cruiser with the rules in
// .dependency-cruiser.cjs (no circular import; imports point down only). Exits 1 and lists each arrow that
// breaks a rule. test/unit/architecture.test.ts runs the same check in the suite.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** What is checked: every folder of the app's code (tests, scripts and benchmarks are entry points, not floors). */
export const LAYER_ROOTS = ['src', 'collections', 'access', 'hooks', 'jobs', 'migrations', 'payload.config.ts']

/** A package import as `node_modules/<name>`, wherever the package was resolved from. */
const normalise = (p) => p.replace(/^(?:\.\.\/)*(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+).*$/, 'node_modules/$1')

/**
 * Runs dependency-cruiser on `baseDir` (the repository, or a fixture tree) and returns the violations:
 * { rule, from, to } with repository-relative paths, a circle reported as its first arrow.
 */
export async function checkLayers({ baseDir = root } = {}) {
  const bin = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
  const args = [bin, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', ...LAYER_ROOTS.filter((r) => fs.existsSync(path.join(baseDir, r)))]
  const r = spawnSync(process.execPath, args, { cwd: baseDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (r.error) throw r.error
  let result
  try {
    result = JSON.parse(r.stdout)
  } catch {
    throw new Error(`dependency-cruiser failed (exit ${r.status}):\n${r.stderr.slice(-4000)}`)
  }
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: normalise(v.to) }))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = await checkLayers()
  for (const v of violations) console.log(`${v.rule}: ${v.from} → ${v.to}`)
  console.log(violations.length ? `${violations.length} arrow(s) break the floors (docs/architecture.md)` : 'floors hold: no circular import, every import points down')
  process.exit(violations.length ? 1 : 0)
}
