/**
 * `npm run seed -- --staff N [--reset]`: deterministic demo data into DATABASE_URL or the embedded
 * database. Without --reset an existing database is left alone (the command refuses to mix data).
 */
import { parseArgs } from 'node:util'

import { poolOf } from '../db/pool'
import { boot } from '../server/boot'
import { runCli } from '../server/cli/run'
import { databaseIsEmpty, seedDemoData } from './seed'
import { resetDatabase } from './reset'

runCli(async () => {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '300' },
      reset: { type: 'boolean', default: false },
      seed: { type: 'string' },
    },
  })
  const staff = Number(values.staff)
  if (!Number.isInteger(staff) || staff < 0) {
    console.error(`--staff phải là số nguyên không âm / --staff must be a non-negative integer (got "${values.staff}")`)
    return 2
  }

  const booted = await boot()
  let code = 0
  try {
    if (values.reset) {
      await resetDatabase(booted.payload)
    } else if (!(await databaseIsEmpty(booted.payload))) {
      console.error('Cơ sở dữ liệu đã có dữ liệu; dùng --reset để xoá và nạp lại / The database is not empty; use --reset to wipe and reseed')
      code = 1
    }
    if (code === 0) {
      const t0 = Date.now()
      const result = await seedDemoData(booted.payload, {
        staff,
        seed: values.seed ? Number(values.seed) : undefined,
        log: (m) => console.log(m),
        cast: process.env.HOSO_DEMO_CAST !== 'false',
      })
      console.log(`seeded ${result.units} units, ${result.staff} staff, ${result.accounts} accounts in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
      // A bulk load leaves dead row versions behind (staff_names' counters are upserted per batch): at 1 000 000
      // staff the name index grew to 71 MB of which 3 MB live, and every search read all of it.
      await poolOf(booted.payload).query('VACUUM ANALYZE')
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : err)
    code = 1
  }
  await booted.shutdown()
  return code
})
