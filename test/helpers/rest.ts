import { handleEndpoints, type Payload } from 'payload'

export interface RestAnswer {
  status: number
  body: any
  raw: string
}

/**
 * Payload's REST API called in-process, through the same `handleEndpoints` the server's Express layer uses
 * (src/server/restApi.ts): the same routes, access rules and hooks, without starting the server and its Next build.
 * Body limits, security headers and GraphQL (served by Next) are not on this path.
 */
export function inProcessRest(payload: Payload) {
  async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<RestAnswer> {
    const { token, body, headers = {} } = options
    const request = new Request(`http://localhost${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const res = await handleEndpoints({ config: payload.config, request })
    const raw = await res.text()
    let json: any
    try {
      json = JSON.parse(raw)
    } catch {
      json = raw
    }
    return { status: res.status, body: json, raw }
  }
  async function login(email: string, password: string): Promise<string> {
    const r = await call('POST', '/api/accounts/login', { body: { email, password } })
    if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${r.raw}`)
    return r.body.token as string
  }
  return { call, login }
}
