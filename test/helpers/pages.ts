/**
 * Every document of a REST list, page by page: the API serves at most 100 records a page (and refuses
 * `limit=0`, src/domain/queryLimits.ts). `status` is the first answer that was not 200 (then `docs` is empty).
 */
export async function allPages<T>(
  get: (path: string) => Promise<{ status: number; json: unknown }>,
  path: string,
  limit = 100,
): Promise<{ status: number; docs: T[] }> {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const res = await get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}&page=${page}`)
    if (res.status !== 200) return { status: res.status, docs: [] }
    const body = res.json as { docs: T[]; hasNextPage: boolean }
    docs.push(...body.docs)
    if (!body.hasNextPage) return { status: 200, docs }
  }
}

/** `allPages` over fetch-style answers. */
export const jsonOf = (fetchIt: (path: string) => Promise<Response>) => async (path: string) => {
  const res = await fetchIt(path)
  return { status: res.status, json: res.status === 200 ? await res.json() : null }
}
