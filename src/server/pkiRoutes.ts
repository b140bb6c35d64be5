import fs from 'node:fs'
import path from 'node:path'

import express, { type Router } from 'express'

import { defaultPkiDir } from '../pki/demoPki'
import { fromPemOrDer } from '../pki/der'

const FILES: Record<string, 'cert' | 'crl'> = {
  'root-ca.crt': 'cert',
  'issuing-ca.crt': 'cert',
  'root-ca.crl': 'crl',
  'issuing-ca.crl': 'crl',
}

/**
 * One of the PKI's public files as served (CA certificates as DER, RFC 5280 §4.2.2.1; CRLs as they are),
 * or null for any other name or a missing file. Never a key or a PKCS#12 file.
 */
export function publicPkiFile(dir: string, name: string): { body: Buffer; type: string } | null {
  const kind = FILES[name]
  const file = kind ? path.join(dir, name) : null
  if (!file || !fs.existsSync(file)) return null
  const body = kind === 'crl' ? fs.readFileSync(file) : Buffer.from(fromPemOrDer(fs.readFileSync(file, 'utf8'))[0]!)
  return { body, type: kind === 'crl' ? 'application/pkix-crl' : 'application/pkix-cert' }
}

/**
 * GET /pki/<file> — the demo PKI's public files, where its certificates' CRL distribution points and
 * AIA caIssuers URLs point (PKI_BASE_URL): CA certificates as DER (RFC 5280 §4.2.2.1) and the CRLs.
 * Only these four names; never a key or a PKCS#12 file. 404 when the instance has no demo PKI.
 */
export function pkiRoutes(): Router {
  const router = express.Router()
  router.get('/pki/:file', (req, res) => {
    const found = publicPkiFile(process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : defaultPkiDir(), req.params.file)
    if (!found) {
      res.status(404).json({ errors: [{ message: 'Không có tệp này / no such file' }] })
      return
    }
    res.set('Cache-Control', 'public, max-age=300')
    res.type(found.type).send(found.body)
  })
  return router
}
