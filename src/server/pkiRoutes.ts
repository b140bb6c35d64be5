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
 * GET /pki/<file> — the demo PKI's public files, where its certificates' CRL distribution points and
 * AIA caIssuers URLs point (PKI_BASE_URL): CA certificates as DER (RFC 5280 §4.2.2.1) and the CRLs.
 * Only these four names; never a key or a PKCS#12 file. 404 when the instance has no demo PKI.
 */
export function pkiRoutes(): Router {
  const router = express.Router()
  router.get('/pki/:file', (req, res) => {
    const kind = FILES[req.params.file]
    const file = kind ? path.join(process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : defaultPkiDir(), req.params.file) : null
    if (!file || !fs.existsSync(file)) {
      res.status(404).json({ errors: [{ message: 'Không có tệp này / no such file' }] })
      return
    }
    const body = kind === 'crl' ? fs.readFileSync(file) : Buffer.from(fromPemOrDer(fs.readFileSync(file, 'utf8'))[0]!)
    res.set('Cache-Control', 'public, max-age=300')
    res.type(kind === 'crl' ? 'application/pkix-crl' : 'application/pkix-cert').send(body)
  })
  return router
}
