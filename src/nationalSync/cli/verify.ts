/**
 * `npm run national-sync:verify -- DIR|FILE [--trust root.crt ...] [--crl file.crl ...]`: checks a monthly package
 * (its directory or its manifest.json) without a database: the manifest's shape, the person's and the agency's
 * detached signatures over its exact bytes and their chains to the trust anchors (the demo root in PKI_DIR, plus
 * HOSO_TRUST_ANCHORS, plus --trust), and the hash chain to the previous month's package beside it.
 * Exit 0 when valid, 1 when not (a tampered manifest), 2 for bad arguments.
 */
import fs from 'node:fs'
import path from 'node:path'

import { fromPemOrDer } from '../../pki/der'
import { defaultPkiDir } from '../../pki/demoPki'
import { runCli } from '../../server/cli/run'
import { verifyPackage } from '../monthlyPackage'

runCli(async () => {
  const args = process.argv.slice(2)
  const values = (flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []))
  const target = args.find((a, i) => !a.startsWith('--') && !['--trust', '--crl'].includes(args[i - 1] ?? ''))
  if (!target) {
    console.error('usage: npm run national-sync:verify -- DIR|FILE [--trust root.crt ...] [--crl file.crl ...]')
    return 2
  }
  const anchorFiles = [path.join(defaultPkiDir(), 'root-ca.crt'), ...(process.env.HOSO_TRUST_ANCHORS ?? '').split(',').map((s) => s.trim()).filter(Boolean), ...values('--trust')]
  const trustAnchors = anchorFiles.filter((f) => fs.existsSync(f)).flatMap((f) => fromPemOrDer(new Uint8Array(fs.readFileSync(f))))
  const crls = values('--crl').flatMap((f) => fromPemOrDer(new Uint8Array(fs.readFileSync(f))))
  const r = await verifyPackage(path.resolve(target), trustAnchors, crls)
  console.log(`Gói tháng / package month: ${r.month ?? '—'}; manifest SHA-256: ${r.manifestSha256 ?? '—'}`)
  for (const s of r.signatures) {
    console.log(`  ${s.role}: ${s.signer ?? '—'} (${s.signingTime ?? '—'}); toàn vẹn / integrity ${s.integrity ? 'OK' : 'KHÔNG / NO'}, tin cậy / trusted ${s.trusted ? 'OK' : 'KHÔNG / NO'}`)
  }
  for (const p of r.problems) console.log(`  ! ${p}`)
  console.log(r.valid ? 'HỢP LỆ / VALID' : 'KHÔNG HỢP LỆ / INVALID')
  return r.valid ? 0 : 1
})
