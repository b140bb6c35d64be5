/**
 * `npm run import -- FILE.xlsx [--dry-run] [--mode create|update|upsert] [--unit ID] [--as EMAIL]`: an Excel
 * import for a migration by the IT centre, beside the running app (DATABASE_URL, or the embedded database the app
 * runs — boot() connects to a live one instead of starting a second). The same service as the upload page: a dry
 * run stored as an import batch, then — without --dry-run, and only when nothing is refused or undecided — the
 * commit, all or nothing. It acts as the HR account given by --as (default: the only ministry HR account), with
 * that account's scope. Prints the counts new / updated / unchanged / refused / possible duplicates and each problem.
 * Exit code 0 when committed (or a clean dry run), 2 when rows were refused or wait for a decision.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createLocalReq } from 'payload'

import { DomainError } from '../../domain/errors'
import { dryRunImport, parseMode } from '../../import/batches'
import { boot } from '../boot'
import { runCli } from './run'

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, mode: { type: 'string' }, unit: { type: 'string' }, as: { type: 'string' } },
  })
  const file = positionals[0]
  if (!file) {
    console.error('usage: npm run import -- FILE.xlsx [--dry-run] [--mode create|update|upsert] [--unit ID] [--as EMAIL]')
    return 2
  }
  const buffer = fs.readFileSync(file)
  const booted = await boot()
  try {
    const { payload } = booted
    const where = values.as ? { email: { equals: values.as } } : { roles: { in: ['ministry-hr'] }, disabled: { not_equals: true } }
    const accounts = (await payload.find({ collection: 'accounts', where: where as never, depth: 0, limit: 2, overrideAccess: true })).docs
    if (accounts.length !== 1) {
      console.error(values.as ? `No account ${values.as} / Không có tài khoản ${values.as}` : 'Give the importing HR account with --as EMAIL / Hãy chỉ ra tài khoản cán bộ tổ chức bằng --as EMAIL')
      return 2
    }
    // The operator works on the server itself: the account's second factor is not asked again here.
    const req = await createLocalReq({ user: { ...accounts[0], collection: 'accounts' } as never, context: { secondFactorOfRequest: true } }, payload)
    const unitId = values.unit ? Number(values.unit) : null
    const batch = await dryRunImport(req, { file: buffer, fileName: path.basename(file), mode: parseMode(values.mode), unitId, dryRun: values['dry-run'] })
    const c = batch.counts
    console.log(`batch ${batch.id} (${batch.status}), file SHA-256 ${batch.fileSha256}`)
    console.log(`new ${c.new} / updated ${c.updated} / unchanged ${c.unchanged} / refused ${c.refused} / possible duplicates ${c.possibleDuplicates}`)
    console.log(`mới ${c.new} / cập nhật ${c.updated} / không đổi ${c.unchanged} / bị từ chối ${c.refused} / có thể trùng ${c.possibleDuplicates}`)
    for (const p of batch.problems.slice(0, 200)) console.log(`  ${p.sheet} dòng ${p.row}${p.column ? ` [${p.column}]` : ''}: ${p.vi}`)
    if (batch.problems.length > 200) console.log(`  … ${batch.problems.length - 200} more`)
    return c.refused || c.possibleDuplicates ? 2 : 0
  } catch (e) {
    if (e instanceof DomainError) {
      for (const i of e.issues) console.error(`${i.vi} / ${i.en}`)
      return 2
    }
    throw e
  } finally {
    await booted.shutdown()
  }
})
