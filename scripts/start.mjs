#!/usr/bin/env node
// `npm start`: install what is missing, build when running in production without a build, then run the
// server (src/server/index.ts) with signals forwarded so that SIGTERM drains it cleanly.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureDeps } from './ensure-deps.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
ensureDeps()

const production = process.env.NODE_ENV === 'production' && !process.argv.includes('--dev')
if (process.argv.includes('--dev')) process.env.NODE_ENV = 'development'
if (production && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  process.stdout.write('hoso: chưa có bản build, đang build / no build found, running `npm run build`…\n')
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/index.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
