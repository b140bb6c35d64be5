#!/usr/bin/env node
// `npm run check:clones`: the copy-paste detector (jscpd, settings in .jscpd.json: clones of 50 tokens and
// 5 lines or more, threshold 0 %) over the whole tree except declarative field lists, migrations, generated
// types and Payload's generated admin files. Exits 1 and lists each clone. test/unit/architecture.test.ts
// runs the same check in the suite.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Clones in `paths` (default: the repository with the ignores of .jscpd.json; `ignore` replaces them):
 * { first, second, lines } with repository-relative `file:start-end` places, and the duplicated share of lines.
 */
export async function findClones({ paths = ['.'], ignore } = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-jscpd-'))
  try {
    const bin = path.join(root, 'node_modules', '.bin', 'jscpd')
    const args = ['--config', path.join(root, '.jscpd.json'), '--reporters', 'json,silent', '--output', out, '--exit-code', '0', '--threshold', '100']
    if (ignore) args.push('--ignore', ignore.length ? ignore.join(',') : '**/node_modules/**')
    const r = spawnSync(bin, [...args, ...paths], { cwd: root, encoding: 'utf8' })
    if (r.error) throw r.error
    const file = path.join(out, 'jscpd-report.json')
    if (!fs.existsSync(file)) throw new Error(`jscpd failed (exit ${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`)
    const report = JSON.parse(fs.readFileSync(file, 'utf8'))
    const base = paths.length === 1 ? path.resolve(root, paths[0]) : root
    const place = (f) => `${path.relative(root, path.resolve(base, f.name))}:${f.start}-${f.end}`
    return {
      clones: report.duplicates.map((d) => ({ first: place(d.firstFile), second: place(d.secondFile), lines: d.lines })),
      percentage: report.statistics.total.percentage,
      files: report.statistics.total.sources,
      lines: report.statistics.total.lines,
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { clones, percentage, files, lines } = await findClones()
  for (const c of clones) console.log(`${c.first} ~ ${c.second} (${c.lines} lines)`)
  console.log(`${clones.length} clone(s), ${percentage.toFixed(2)} % of ${lines} lines in ${files} files (threshold 0 %)`)
  process.exit(clones.length ? 1 : 0)
}
