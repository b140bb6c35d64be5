#!/usr/bin/env node
// `npm test`: install what is missing, then run Jest (unit + int [+ e2e]) as native ESM.
// Extra arguments go to Jest, e.g. `npm test -- test/unit` or `npm test -- --selectProjects unit`.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureDeps } from './ensure-deps.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
ensureDeps()

const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' '),
  NEXT_TELEMETRY_DISABLED: '1',
}
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
const args = [jest, '--forceExit', ...process.argv.slice(2)]
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
