// Serves a demo PKI directory's public files (certificates, CRLs) at <url>/pki/<file>, the way the app
// publishes them (the same publicPkiFile), so CRL distribution points and AIA caIssuers URLs can really be fetched in tests.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { publicPkiFile } from '../../src/server/pkiRoutes'

const PUBLIC = /^\/pki\/([a-z0-9-]+\.(?:crt|crl))$/

export async function servePki(dir: () => string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const m = PUBLIC.exec(req.url ?? '')
    const found = m ? publicPkiFile(dir(), m[1]!) : null
    if (!found) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': found.type }).end(found.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/pki`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
