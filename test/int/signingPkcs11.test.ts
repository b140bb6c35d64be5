/**
 * PKCS#11 key custody on a SoftHSM2 token: the keys are generated on the token (sensitive, not extractable),
 * the signer finds each key and its certificate by label or id, the token signs (RSA: CKM_SHA256_RSA_PKCS;
 * EC: CKM_ECDSA over our hash), and pdfsig finds the person's and the agency's signatures valid and trusted.
 * A wrong PIN is refused by name; close() logs out and finalizes the library.
 */
import fs from 'node:fs'
import path from 'node:path'

import { verifyWithCertificate } from '../../src/signing/certificate'
import { demoSignatureImages } from '../../src/signing/demoImages'
import { SigningError } from '../../src/signing/errors'
import { signPdf } from '../../src/signing/signPdf'
import { Pkcs11Signer } from '../../src/signing/transports/pkcs11'
import { signatureBlockPage } from '../helpers/signingFixtures'
import { provisionSoftToken, SOFTHSM_MODULE, softHsmInitialised, type SoftToken } from '../helpers/softhsm'
import { makeRootCa, nssDbTrusting, pdfsig, pdfsigVerdicts, type TestCa } from '../helpers/testPki'

let ca: TestCa
let token: SoftToken
let nss: string
let pinFile: string

beforeAll(async () => {
  ca = await makeRootCa()
  token = await provisionSoftToken(ca, [
    { label: 'person', id: '01', type: 'RSA', subject: { commonName: 'Trần Thị Bình', organization: 'Bộ Nội vụ', country: 'VN' } },
    { label: 'seal', id: '02', type: 'EC', subject: { commonName: 'Bộ Nội vụ', organization: 'Bộ Nội vụ', country: 'VN' } },
  ], 'hoso')
  nss = nssDbTrusting(ca)
  pinFile = path.join(token.dir, 'pin')
  fs.writeFileSync(pinFile, `${token.pin}\n`, { mode: 0o600 })
})

afterAll(() => {
  if (token) fs.rmSync(token.dir, { recursive: true, force: true })
  if (nss) fs.rmSync(nss, { recursive: true, force: true })
})

test('the keys were generated on the token and cannot be read out', () => {
  expect(token.keysSensitive).toBe(true)
})

test('RSA and EC keys on the token sign the person and agency signatures; pdfsig: valid and trusted', async () => {
  const person = await Pkcs11Signer.open({ module: SOFTHSM_MODULE, tokenLabel: 'hoso', pin: { file: pinFile }, keyLabel: 'person' })
  const agency = await Pkcs11Signer.open({ module: SOFTHSM_MODULE, tokenLabel: 'hoso', pin: { envName: 'TOKEN_PIN' }, env: { TOKEN_PIN: token.pin }, keyId: '02' })
  try {
    expect(person).toMatchObject({ transport: 'pkcs11', keyType: 'RSA', label: 'Trần Thị Bình, Bộ Nội vụ' })
    expect(agency).toMatchObject({ transport: 'pkcs11', keyType: 'EC', signatureAlgorithm: 'ECDSA' })
    expect(Buffer.from(person.certificate).equals(Buffer.from(token.certificates.person!.der))).toBe(true)
    // The CA certificate stored on the token comes along as the chain.
    expect(person.certificateChain.map((c) => Buffer.from(c).toString('hex'))).toEqual([Buffer.from(ca.der).toString('hex')])

    const { bytes, box } = await signatureBlockPage()
    const images = demoSignatureImages()
    const signingTime = new Date()
    const first = await signPdf(bytes, { signer: person, role: 'person', fieldName: 'ky_ca_nhan', signingTime, level: 'B-B', appearance: { page: 0, rect: box, image: images.signature } })
    const second = await signPdf(first.bytes, {
      signer: agency,
      role: 'agency',
      fieldName: 'ky_co_quan',
      signingTime,
      level: 'B-B',
      appearance: { page: 0, rect: box, personImage: images.signature, image: images.seal, sealDiameterMm: images.sealDiameterMm },
    })
    const verdicts = pdfsigVerdicts(pdfsig(second.bytes, nss))
    expect(verdicts).toEqual([
      { valid: true, trusted: true, signer: 'Trần Thị Bình' },
      { valid: true, trusted: true, signer: 'Bộ Nội vụ' },
    ])

    // One session per signer: concurrent requests are serialised, each signature verifies.
    const data = [new TextEncoder().encode('một'), new TextEncoder().encode('hai'), new TextEncoder().encode('ba')]
    for (const signer of [person, agency]) {
      const sigs = await Promise.all(data.map((d) => signer.sign(d, 'SHA-256')))
      for (const [i, sig] of sigs.entries()) expect(await verifyWithCertificate(signer.certificate, data[i]!, sig, 'SHA-256')).toBe(true)
    }
  } finally {
    await person.close()
    await agency.close()
  }
  await expect(person.sign(new Uint8Array([1]), 'SHA-256')).rejects.toThrow(/Bộ ký đã đóng/)
  // Both closed: logged out and C_Finalize'd, so a fresh C_Initialize succeeds.
  expect(softHsmInitialised()).toBe(false)
})

test('a wrong PIN, an unknown token or key are refused by name, never echoing the PIN', async () => {
  const wrong = await Pkcs11Signer.open({ module: SOFTHSM_MODULE, tokenLabel: 'hoso', pin: { value: '999999' }, keyLabel: 'person' }).catch((e: unknown) => e)
  expect(wrong).toBeInstanceOf(SigningError)
  expect((wrong as SigningError).code).toBe('PKCS11_PIN')
  expect((wrong as Error).message).toBe('Sai mã PIN của thiết bị ký số "hoso" / Wrong PIN for token "hoso"')
  await expect(Pkcs11Signer.open({ module: SOFTHSM_MODULE, tokenLabel: 'khong-co', pin: { value: token.pin }, keyLabel: 'person' })).rejects.toMatchObject({ code: 'PKCS11_TOKEN' })
  await expect(Pkcs11Signer.open({ module: SOFTHSM_MODULE, tokenLabel: 'hoso', pin: { value: token.pin }, keyLabel: 'khong-co' })).rejects.toMatchObject({ code: 'PKCS11_KEY' })
  await expect(Pkcs11Signer.open({ module: '/nonexistent/libpkcs11.so', tokenLabel: 'hoso', pin: { value: token.pin }, keyLabel: 'person' })).rejects.toMatchObject({ code: 'PKCS11_MODULE' })
  // Failed opens release the library too.
  expect(softHsmInitialised()).toBe(false)
})
