import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface TestServer {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts the real server (src/server/index.ts, production build) as a child process on a free port.
 * Pass `DATABASE_URL` for an external database, or `HOSO_DATA_DIR` without it for the embedded one.
 * HOSO_TEST_SERVER_START_MS raises the start-up wait on a machine busy with other work (default 90 s).
 */
export async function startTestServer(env: Record<string, string | undefined>, timeoutMs = Number(process.env.HOSO_TEST_SERVER_START_MS ?? 90_000)): Promise<TestServer> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    // As deployed: demo data, generated keys and the demo PKI refused unless a test allows them.
    HOSO_DEPLOYMENT: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    HOSO_SEED: 'false',
    REMINDER_SCHEDULE: 'off',
    LIFECYCLE_SCHEDULE: 'off',
    HOSO_NATIONAL_SYNC_SCHEDULE: 'off',
    LOG_LEVEL: 'info',
    PAYLOAD_SECRET: 'integration-test-secret',
    NEXT_TELEMETRY_DISABLED: '1',
    BACKUP_SCHEDULE: 'off',
    ...env,
  }
  // An `undefined` value removes the variable (e.g. DATABASE_URL, to get the embedded database).
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    cwd: root,
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const check = () => {
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"hoso is ready"/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`))
    })
  })
  return {
    url,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}
