/** Signs in over REST as a person would and returns the JWT for `Authorization: JWT …`. */
export async function loginToken(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/accounts/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

/** `fetch` on the test server as a signed-in account: JSON content type and its JWT (headers of `init` win). */
export const fetchAs = (baseUrl: string, token: string | undefined, path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...(init.headers ?? {}) },
  })

/** A JSON call as a signed-in account: the status, the parsed body (the text when it is not JSON) and the raw text. */
export async function callAs(baseUrl: string, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetchAs(baseUrl, token, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, body: json, raw: text }
}
