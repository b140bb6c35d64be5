// poppler's pdfsig as an independent verifier: an NSS database that trusts only the given root, then
// one parsed result per signature. pdfsig 22.x cannot validate ETSI.RFC3161 document timestamps; it
// reports them as an unknown signature type.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface PdfsigSignature {
  fieldName: string
  commonName: string
  signatureType: string
  /** "Signature is Valid.", "Digest Mismatch.", … */
  signatureValidation: string
  /** "Certificate is Trusted.", … (absent for unsupported types) */
  certificateValidation: string | null
  totalDocumentSigned: boolean
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** Whether pdfsig and certutil are installed (CI installs them through scripts/system-deps.sh). */
export function pdfsigAvailable(): boolean {
  return has('pdfsig') && has('certutil')
}

export function pdfsig(file: string, rootPem: string): PdfsigSignature[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-nss-'))
  try {
    const run = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' })
      if (r.error) throw r.error
      return r
    }
    fs.writeFileSync(path.join(dir, 'root.pem'), rootPem)
    let r = run('certutil', ['-N', '--empty-password', '-d', `sql:${dir}`])
    if (r.status !== 0) throw new Error(`certutil -N: ${r.stderr}`)
    r = run('certutil', ['-A', '-t', 'CT,C,C', '-n', 'root', '-i', path.join(dir, 'root.pem'), '-d', `sql:${dir}`])
    if (r.status !== 0) throw new Error(`certutil -A: ${r.stderr}`)
    r = run('pdfsig', ['-nssdir', `sql:${dir}`, file])
    return parsePdfsig(r.stdout)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function parsePdfsig(output: string): PdfsigSignature[] {
  return output
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const field = (label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? null
      return {
        fieldName: field('Signature Field Name') ?? '',
        commonName: field('Signer Certificate Common Name') ?? '',
        signatureType: field('Signature Type') ?? '',
        signatureValidation: field('Signature Validation') ?? '',
        certificateValidation: field('Certificate Validation'),
        totalDocumentSigned: /Total document signed/.test(block),
      }
    })
}
