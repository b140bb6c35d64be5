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
