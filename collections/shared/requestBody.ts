/**
 * Reads a request body up to `max` bytes and stops there: null when it is larger (the caller answers 413).
 * The HTTP layer already refuses a declared length over the limit before reading (src/server/bodyLimits.ts);
 * this holds for a body sent without one, chunk by chunk.
 */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null | undefined, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
