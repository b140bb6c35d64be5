/**
 * HAProxy (Debian's package, installed when missing by scripts/system-deps.sh) in front of app instances, as
 * docs/operations.md deploys it: health checks on /readyz, a request that found no instance retried on another.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { fileURLToPath } from 'node:url'

import { freePort } from '../../src/db/embeddedPostgres'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Proxy {
  url: string
  process: ChildProcess
  stop(): void
}

export async function startProxy(backends: string[], dir: string): Promise<Proxy> {
  const deps = spawnSync('bash', [path.join(root, 'scripts/system-deps.sh'), 'haproxy'], { stdio: 'inherit' })
  if (deps.status !== 0) throw new Error('HAProxy is needed (scripts/system-deps.sh haproxy)')
  const port = await freePort()
  const cfg = path.join(dir, 'haproxy.cfg')
  fs.writeFileSync(cfg, haproxyConfig(port, backends))
  const child = spawn('haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${err}`)
    if ((await fetch(`${url}/readyz`).catch(() => null))?.status === 200) return { url, process: child, stop: () => void child.kill('SIGTERM') }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`haproxy did not come up: ${err}`)
}

/** The proxy configuration the runbook shows (docs/operations.md), with loopback addresses. */
export function haproxyConfig(port: number, backends: string[]): string {
  return `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 30s
  timeout http-keep-alive 10s
  option http-server-close
  # A request that found a dead or restarting instance is sent to another one: connection failures for every
  # method (nothing reached the app), an empty answer or a 503 from an instance going away for idempotent ones.
  retry-on conn-failure empty-response 503
  retries 3
  option redispatch 1
backend hoso
  balance leastconn
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 slowstart 5s
${backends.map((b, i) => `  server app${i + 1} ${new URL(b).host} check`).join('\n')}
frontend web
  bind 127.0.0.1:${port}
  default_backend hoso
`
}

