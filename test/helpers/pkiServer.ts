// Serves a demo PKI directory's public files (certificates, CRLs) at <url>/pki/<file>, the way the app
// publishes them, so CRL distribution points and AIA caIssuers URLs can really be fetched in tests.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { fromPemOrDer } from '../../src/pki/der'

const PUBLIC = /^\/pki\/([a-z0-9-]+\.(?:crt|crl))$/

export async function servePki(dir: () => string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const m = PUBLIC.exec(req.url ?? '')
    const file = m ? path.join(dir(), m[1]!) : null
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    // RFC 5280 §4.2.2.1: a caIssuers URL serves the certificate as DER.
    const crl = file.endsWith('.crl')
    const body = crl ? fs.readFileSync(file) : Buffer.from(fromPemOrDer(fs.readFileSync(file, 'utf8'))[0]!)
    res.writeHead(200, { 'content-type': crl ? 'application/pkix-crl' : 'application/pkix-cert' }).end(body)
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
