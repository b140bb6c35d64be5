/** `npm run backup:drill [-- <archive>]`: restore the latest backup into a scratch database and compare. */
import path from 'node:path'

import { performDrill } from '../service'
import { boot } from '../../server/boot'
import { runCli } from '../../server/cli/run'

runCli(async () => {
  const booted = await boot()
  try {
    const archive = process.argv[2] ? path.resolve(process.argv[2]) : undefined
    const { result, error } = await performDrill(booted.payload, { archive })
    if (result) {
      for (const t of result.tables) console.log(`  ${t.ok ? 'ok ' : 'BAD'} ${t.table}: ${t.rows}/${t.expectedRows} rows`)
      console.log(`  files: ${result.files.matching}/${result.files.expected} match`)
    }
    if (error) {
      console.error(`Diễn tập khôi phục thất bại / restore drill failed: ${error}`)
      return 1
    }
    console.log(`Diễn tập khôi phục thành công / restore drill passed: ${result!.archive} restored in ${result!.restoreMs} ms`)
    return 0
  } finally {
    await booted.shutdown()
  }
})
