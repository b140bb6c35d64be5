/**
 * loadSigner: the signer for the person or the agency from the environment — a PKCS#12 file with its
 * password in a file or a variable, a PKCS#11 token (SoftHSM2) with its PIN, an external device's
 * certificate, or by default the demo PKI under $PKI_DIR. Each loaded signer signs something its
 * certificate verifies; misconfigurations name the variable or file, never the secret.
 */
import fs from 'node:fs'
import path from 'node:path'

import { verifyWithCertificate } from '../../src/signing/certificate'
import { SigningError } from '../../src/signing/errors'
import { loadSigner } from '../../src/signing/loadSigner'
import type { HosoSigner } from '../../src/signing/types'
import { provisionSoftToken, SOFTHSM_MODULE, type SoftToken } from '../helpers/softhsm'
import { issueLeaf, makeRootCa, type TestCa, type TestLeaf, tmpDir, writeP12 } from '../helpers/testPki'

const PASSWORD = 'mật khẩu demo'
const dir = tmpDir('load-signer')
let ca: TestCa
let personLeaf: TestLeaf
let token: SoftToken
const data = new TextEncoder().encode('Sơ yếu lý lịch')

async function signsVerifiably(signer: HosoSigner): Promise<boolean> {
  try {
    return await verifyWithCertificate(signer.certificate, data, await signer.sign(data, 'SHA-256'), 'SHA-256')
  } finally {
    await signer.close?.()
  }
}

beforeAll(async () => {
  ca = await makeRootCa()
  personLeaf = await issueLeaf(ca, { commonName: 'Phạm Thị Dung', organization: 'Bộ Nội vụ', country: 'VN' })
  const sealLeaf = await issueLeaf(ca, { commonName: 'Bộ Nội vụ', organization: 'Bộ Nội vụ', country: 'VN' })
  // The demo PKI's layout: .pki/person.p12, .pki/seal.p12, .pki/secrets/p12.pass
  fs.mkdirSync(path.join(dir, 'pki', 'secrets'), { recursive: true })
  await writeP12(path.join(dir, 'pki'), 'person', personLeaf, ca, PASSWORD)
  await writeP12(path.join(dir, 'pki'), 'seal', sealLeaf, ca, PASSWORD)
  fs.writeFileSync(path.join(dir, 'pki', 'secrets', 'p12.pass'), `${PASSWORD}\n`, { mode: 0o600 })
  fs.writeFileSync(path.join(dir, 'person.pem'), personLeaf.pem + ca.pem)
  token = await provisionSoftToken(ca, [{ label: 'person', id: '0a', type: 'RSA', subject: { commonName: 'Phạm Thị Dung', organization: 'Bộ Nội vụ', country: 'VN' } }], 'hoso-load', '246810')
  fs.writeFileSync(path.join(dir, 'pin'), '246810\n', { mode: 0o600 })
})

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
  if (token) fs.rmSync(token.dir, { recursive: true, force: true })
})

test('unset: the demo PKI under PKI_DIR, person.p12 and seal.p12', async () => {
  const person = await loadSigner('person', { PKI_DIR: path.join(dir, 'pki') })
  expect(person).toMatchObject({ transport: 'p12', label: 'Phạm Thị Dung, Bộ Nội vụ' })
  expect(await signsVerifiably(person)).toBe(true)
  const agency = await loadSigner('agency', { PKI_DIR: path.join(dir, 'pki') })
  expect(agency.label).toBe('Bộ Nội vụ, Bộ Nội vụ')
  expect(await signsVerifiably(agency)).toBe(true)
})

test('unset without a demo PKI: the missing file is named', async () => {
  await expect(loadSigner('agency', { PKI_DIR: path.join(dir, 'none') })).rejects.toThrow(
    /Chưa cấu hình khóa ký của cơ quan \(HOSO_SIGNER_AGENCY\) và không có PKI thử nghiệm: thiếu .*none\/seal\.p12 \/ No agency signing key configured/,
  )
})

test('p12: password from a file or from a variable; a wrong one is refused without repeating it', async () => {
  const p12 = path.join(dir, 'pki', 'person.p12')
  const fromFile = await loadSigner('person', { HOSO_SIGNER_PERSON: `p12:${p12}`, HOSO_SIGNER_PERSON_PASSWORD_FILE: path.join(dir, 'pki', 'secrets', 'p12.pass') })
  expect(await signsVerifiably(fromFile)).toBe(true)
  const fromVar = await loadSigner('agency', { HOSO_SIGNER_AGENCY: `p12:${p12}`, HOSO_SIGNER_AGENCY_PASSWORD: PASSWORD })
  expect(await signsVerifiably(fromVar)).toBe(true)

  const wrong = await loadSigner('person', { HOSO_SIGNER_PERSON: `p12:${p12}`, HOSO_SIGNER_PERSON_PASSWORD: 'đoán-mò-123' }).catch((e: unknown) => e)
  expect(wrong).toMatchObject({ code: 'P12_PASSWORD' })
  expect((wrong as Error).message).not.toContain('đoán-mò-123')
  await expect(loadSigner('person', { HOSO_SIGNER_PERSON: `p12:${p12}` })).rejects.toThrow(/HOSO_SIGNER_PERSON_PASSWORD/)
  await expect(loadSigner('person', { HOSO_SIGNER_PERSON: `p12:${dir}/khong-co.p12`, HOSO_SIGNER_PERSON_PASSWORD: 'x' })).rejects.toThrow(/khong-co\.p12/)
})

test('pkcs11: token and key from the URI, PIN from a file; a wrong PIN is refused', async () => {
  const spec = `pkcs11:${SOFTHSM_MODULE}?token=hoso-load&key=person`
  const signer = await loadSigner('person', { HOSO_SIGNER_PERSON: spec, HOSO_SIGNER_PERSON_PIN_FILE: path.join(dir, 'pin') })
  expect(signer).toMatchObject({ transport: 'pkcs11', label: 'Phạm Thị Dung, Bộ Nội vụ' })
  expect(await signsVerifiably(signer)).toBe(true)
  const byId = await loadSigner('agency', { HOSO_SIGNER_AGENCY: `pkcs11:${SOFTHSM_MODULE}?token=hoso-load&id=0a`, HOSO_SIGNER_AGENCY_PIN: '246810' })
  expect(await signsVerifiably(byId)).toBe(true)

  const wrong = await loadSigner('person', { HOSO_SIGNER_PERSON: spec, HOSO_SIGNER_PERSON_PIN: '000000' }).catch((e: unknown) => e)
  expect(wrong).toBeInstanceOf(SigningError)
  expect((wrong as SigningError).code).toBe('PKCS11_PIN')
  expect((wrong as Error).message).not.toContain('000000')
  await expect(loadSigner('person', { HOSO_SIGNER_PERSON: `pkcs11:${SOFTHSM_MODULE}?key=person`, HOSO_SIGNER_PERSON_PIN: '1' })).rejects.toMatchObject({ code: 'SIGNER_CONFIG' })
})

test('external: the certificate (and chain) from <VAR>_CERT', async () => {
  const signer = await loadSigner('person', { HOSO_SIGNER_PERSON: 'external', HOSO_SIGNER_PERSON_CERT: path.join(dir, 'person.pem') })
  expect(signer).toMatchObject({ transport: 'external', label: 'Phạm Thị Dung, Bộ Nội vụ' })
  expect(signer.certificateChain).toHaveLength(1)
  await expect(loadSigner('person', { HOSO_SIGNER_PERSON: 'external' })).rejects.toThrow(/HOSO_SIGNER_PERSON_CERT/)
})

test('an unknown kind is refused with the accepted forms', async () => {
  await expect(loadSigner('agency', { HOSO_SIGNER_AGENCY: 'hsm:xyz' })).rejects.toThrow(/HOSO_SIGNER_AGENCY="hsm:xyz".*p12:<tệp>/)
})
