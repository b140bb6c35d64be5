// Which key signs for the person and for the agency, from the environment (12-factor: no key path or secret
// in the code or the database):
//   HOSO_SIGNER_PERSON / HOSO_SIGNER_AGENCY =
//     p12:/path/file.p12                                       password: <VAR>_PASSWORD_FILE or <VAR>_PASSWORD
//     pkcs11:/usr/lib/softhsm/libsofthsm2.so?token=hoso&key=person   (or slot=<id>, id=<CKA_ID hex>)
//                                                              PIN: <VAR>_PIN_FILE or <VAR>_PIN
//     external                                                 certificate (PEM, chain after it): <VAR>_CERT
//   unset: the demo PKI, $PKI_DIR (default .pki)/person.p12 or seal.p12 with $PKI_DIR/secrets/p12.pass.
import fs from 'node:fs'
import path from 'node:path'

import { pemBundleDer } from './certificate'
import { SigningError } from './errors'
import type { Env, SecretSource } from './secrets'
import { ExternalSigner } from './transports/external'
import { P12FileSigner } from './transports/p12'
import { Pkcs11Signer } from './transports/pkcs11'
import type { HosoSigner, SignatureRole } from './types'

const VARIABLE: Record<SignatureRole, string> = { person: 'HOSO_SIGNER_PERSON', agency: 'HOSO_SIGNER_AGENCY' }
const DEMO_FILE: Record<SignatureRole, string> = { person: 'person.p12', agency: 'seal.p12' }
const ROLE_VI: Record<SignatureRole, string> = { person: 'người ký', agency: 'cơ quan' }

/** `<VAR>_FILE` wins over `<VAR>`; neither → the error names both. */
function secretSource(env: Env, base: string): SecretSource {
  if (env[`${base}_FILE`]) return { file: env[`${base}_FILE`] }
  return { envName: base }
}

function configError(variable: string, value: string, detail: { vi: string; en: string }): SigningError {
  return new SigningError('SIGNER_CONFIG', `Cấu hình ${variable}="${value}" không hợp lệ: ${detail.vi}`, `Invalid ${variable}="${value}": ${detail.en}`)
}

/** The signer configured for `role`. Close it (`close()`) when done. */
export async function loadSigner(role: SignatureRole, env: Env = process.env): Promise<HosoSigner> {
  const variable = VARIABLE[role]
  const spec = env[variable]?.trim()

  if (!spec) {
    const dir = path.resolve(env.PKI_DIR || '.pki')
    const file = path.join(dir, DEMO_FILE[role])
    const passFile = path.join(dir, 'secrets', 'p12.pass')
    for (const f of [file, passFile]) {
      if (!fs.existsSync(f)) {
        throw new SigningError(
          'SIGNER_DEMO_MISSING',
          `Chưa cấu hình khóa ký của ${ROLE_VI[role]} (${variable}) và không có PKI thử nghiệm: thiếu ${f}`,
          `No ${role} signing key configured (${variable}) and no demo PKI: ${f} is missing`,
        )
      }
    }
    return P12FileSigner.open({ path: file, password: { file: passFile }, env })
  }

  if (spec.startsWith('p12:')) {
    const file = spec.slice('p12:'.length)
    if (!file) throw configError(variable, spec, { vi: 'thiếu đường dẫn tệp .p12', en: 'the .p12 path is missing' })
    return P12FileSigner.open({ path: path.resolve(file), password: secretSource(env, `${variable}_PASSWORD`), env })
  }

  if (spec.startsWith('pkcs11:')) {
    const [module, query = ''] = spec.slice('pkcs11:'.length).split('?', 2) as [string, string?]
    const params = new URLSearchParams(query)
    const slot = params.get('slot')
    if (!module) throw configError(variable, spec, { vi: 'thiếu đường dẫn thư viện PKCS#11', en: 'the PKCS#11 library path is missing' })
    if (!params.get('token') && slot === null) throw configError(variable, spec, { vi: 'thiếu token=<nhãn> hoặc slot=<số>', en: 'token=<label> or slot=<id> is missing' })
    if (!params.get('key') && !params.get('id')) throw configError(variable, spec, { vi: 'thiếu key=<nhãn khóa> hoặc id=<CKA_ID hex>', en: 'key=<label> or id=<CKA_ID hex> is missing' })
    if (slot !== null && !/^\d+$/.test(slot)) throw configError(variable, spec, { vi: 'slot phải là số', en: 'slot must be a number' })
    return Pkcs11Signer.open({
      module,
      tokenLabel: params.get('token') ?? undefined,
      slot: slot === null ? undefined : Number(slot),
      keyLabel: params.get('key') ?? undefined,
      keyId: params.get('id') ?? undefined,
      pin: secretSource(env, `${variable}_PIN`),
      env,
    })
  }

  if (spec === 'external') {
    const certFile = env[`${variable}_CERT`]
    if (!certFile) {
      throw new SigningError('SIGNER_CONFIG', `Ký ngoài (${variable}=external) cần tệp chứng thư số ${variable}_CERT`, `External signing (${variable}=external) needs the certificate file ${variable}_CERT`)
    }
    let pem: string
    try {
      pem = fs.readFileSync(certFile, 'latin1')
    } catch (cause) {
      throw new SigningError('SIGNER_CERT_FILE', `Không đọc được tệp chứng thư số: ${certFile}`, `Cannot read the certificate file: ${certFile}`, { cause })
    }
    if (!pem.includes('-----BEGIN')) return new ExternalSigner(fs.readFileSync(certFile))
    const [leaf, ...chain] = pemBundleDer(pem)
    if (!leaf) throw new SigningError('SIGNER_CERT_FILE', `Tệp chứng thư số không chứa chứng thư nào: ${certFile}`, `The certificate file holds no certificate: ${certFile}`)
    return new ExternalSigner(leaf, chain)
  }

  throw configError(variable, spec, { vi: 'dùng p12:<tệp>, pkcs11:<thư viện>?token=…&key=… hoặc external', en: 'use p12:<file>, pkcs11:<library>?token=…&key=… or external' })
}
