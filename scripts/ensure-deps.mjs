#!/usr/bin/env node
// Installs dependencies when they are missing or older than package-lock.json. Plain Node: runs before
// anything is installed. Used by `npm start`, `npm test` and the other commands in package.json.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function ensureDeps() {
  const lock = path.join(root, 'package-lock.json')
  const marker = path.join(root, 'node_modules', '.package-lock.json')
  const fresh = fs.existsSync(marker) && (!fs.existsSync(lock) || fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs)
  if (fresh) return
  process.stdout.write('hoso: đang cài đặt thư viện / installing dependencies (npm ci)…\n')
  // --include=dev: the build and the tests run this with NODE_ENV=production (scripts/ensure-build.mjs), under which
  // npm would leave out the dev dependencies (Jest, Playwright, the checks) that the same checkout needs next.
  const args = [...(fs.existsSync(lock) ? ['ci'] : ['install']), '--include=dev', '--no-audit', '--no-fund']
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    process.stderr.write('hoso: cài đặt thư viện thất bại / dependency installation failed\n')
    process.exit(r.status ?? 1)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps()
