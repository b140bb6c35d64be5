// The demo PKI, the RFC 3161 timestamp authority and the revocation checks, with real keys: PKCS#12 files
// read by @libpdf/core, by Node's OpenSSL and by our reader; tokens checked by `openssl ts -verify`.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'

import { HttpTimestampAuthority, P12Signer } from '@libpdf/core'
import * as pkijs from 'pkijs'

import { fromDer, serialHex } from '../../src/pki/der'
import { createDemoPki, DEMO_IDENTITIES, loadDemoPki, type DemoPki } from '../../src/pki/demoPki'
import { readP12 } from '../../src/pki/p12'
import { checkCertificateUsable, CrlRevocationProvider } from '../../src/pki/revocation'
import { DEMO_TSA_POLICY, LocalTimestampAuthority, startTimestampServer, TsaFailure, type TimestampServer } from '../../src/pki/tsa'
import { servePki } from '../helpers/pkiServer'

let tmp: string
let dir: string
let pki: DemoPki
let tsa: LocalTimestampAuthority
let tsaServer: TimestampServer
let pkiServer: Awaited<ReturnType<typeof servePki>>
// In CI (CI set) the openssl cross-checks run, and fail if the tool is missing; elsewhere they are skipped with a warning.
const hasOpenssl = spawnSync('sh', ['-c', 'command -v openssl']).status === 0 || Boolean(process.env.CI)
if (!hasOpenssl) console.warn('openssl missing: the openssl cross-checks are skipped (they run in CI)')

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pki-'))
  dir = path.join(tmp, 'pki')
  pkiServer = await servePki(() => dir)
  pki = (await createDemoPki({ dir, baseUrl: pkiServer.baseUrl })).pki
  tsa = await LocalTimestampAuthority.fromP12(pki.p12('tsa'), pki.password)
  tsaServer = await startTimestampServer(tsa, { host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await tsaServer?.close()
  await pkiServer?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('demo PKI', () => {
  it('writes the CA certificates, CRLs, PKCS#12 files with a private password, and a manifest', () => {
    for (const f of ['root-ca.crt', 'issuing-ca.crt', 'root-ca.crl', 'issuing-ca.crl', 'pki.json']) expect(fs.existsSync(path.join(dir, f))).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'root-ca.crt'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(fs.statSync(path.join(dir, 'secrets/p12.pass')).mode & 0o777).toBe(0o600)
    for (const id of DEMO_IDENTITIES) expect(fs.statSync(path.join(dir, `${id}.p12`)).mode & 0o777).toBe(0o600)

    const m = loadDemoPki(dir).manifest
    expect(m.rootCa.subject).toBe('CN=Hoso Demo Root CA, O=Hoso Demo, C=VN')
    expect(m.identities.person.subject).toBe('CN=Nguyễn Văn Hùng, T=Vụ trưởng Vụ Tổ chức cán bộ, O=Bộ Nội vụ, C=VN')
    expect(m.identities.seal.subject).toBe('CN=Bộ Nội vụ, O=Bộ Nội vụ, C=VN')
    expect(new Date(m.identities.expired.notAfter).getTime()).toBeLessThan(Date.now())
    expect(m.revokedSerials).toEqual([m.identities.revoked.serialNumber])

    const crl = new pkijs.CertificateRevocationList({ schema: fromDer(pki.issuingCrl) })
    expect(crl.revokedCertificates?.map((r) => serialHex({ serialNumber: r.userCertificate }))).toEqual([m.identities.revoked.serialNumber])
    expect(crl.nextUpdate!.value.getTime() - crl.thisUpdate.value.getTime()).toBe(30 * 86_400_000)
    expect(new pkijs.CertificateRevocationList({ schema: fromDer(pki.rootCrl) }).revokedCertificates ?? []).toHaveLength(0)
  })

  it('PKCS#12 files load in @libpdf/core, in Node (OpenSSL) and in our reader, with the chain', async () => {
    for (const id of DEMO_IDENTITIES) {
      const signer = await P12Signer.create(pki.p12(id), pki.password)
      expect(signer.keyType).toBe('RSA')
      expect(signer.certificateChain).toHaveLength(2)
      const ours = await readP12(pki.p12(id), pki.password)
      expect(Buffer.from(ours.certificate).equals(Buffer.from(signer.certificate))).toBe(true)
      expect(() => tls.createSecureContext({ pfx: Buffer.from(pki.p12(id)), passphrase: pki.password })).not.toThrow()
    }
    await expect(P12Signer.create(pki.p12('person'), 'wrong password')).rejects.toThrow()
    if (hasOpenssl) {
      const out = execFileSync('openssl', ['pkcs12', '-in', path.join(dir, 'person.p12'), '-passin', `file:${path.join(dir, 'secrets/p12.pass')}`, '-info', '-nokeys', '-noout'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      expect(out).toBe('')
    }
  })

  it('keeps an existing PKI unless forced, and can make ECDSA P-256 keys', async () => {
    const again = await createDemoPki({ dir })
    expect(again.created).toBe(false)
    expect(again.pki.manifest.rootCa.fingerprint).toBe(pki.manifest.rootCa.fingerprint)

    const ecDir = path.join(tmp, 'ec')
    const ec = await createDemoPki({ dir: ecDir, keyAlgorithm: 'ECDSA' })
    expect(ec.created).toBe(true)
    const signer = await P12Signer.create(ec.pki.p12('seal'), ec.pki.password)
    expect(signer.keyType).toBe('EC')
    const forced = await createDemoPki({ dir: ecDir, force: true, keyAlgorithm: 'ECDSA' })
    expect(forced.created).toBe(true)
    expect(forced.pki.manifest.rootCa.fingerprint).not.toBe(ec.pki.manifest.rootCa.fingerprint)
  })
})

describe('RFC 3161 timestamp authority', () => {
  it('answers @libpdf/core’s HttpTimestampAuthority with a token openssl verifies', async () => {
    const data = Buffer.from('hồ sơ cán bộ')
    const token = await new HttpTimestampAuthority(tsaServer.url).timestamp(new Uint8Array(createHash('sha256').update(data).digest()), 'SHA-256')
    const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: fromDer(token) }).content })
    const tst = new pkijs.TSTInfo({ schema: fromDer(new Uint8Array(signed.encapContentInfo.eContent!.getValue())) })
    expect(tst.policy).toBe(DEMO_TSA_POLICY)
    expect(Math.abs(tst.genTime.getTime() - Date.now())).toBeLessThan(5000)
    expect(tst.accuracy?.seconds).toBe(1)
    expect(signed.certificates).toHaveLength(3)

    if (!hasOpenssl) return
    fs.writeFileSync(path.join(tmp, 'data.txt'), data)
    fs.writeFileSync(path.join(tmp, 'token.der'), token)
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', path.join(tmp, 'token.der'), '-token_in', '-data', path.join(tmp, 'data.txt'), '-CAfile', path.join(dir, 'root-ca.crt'), '-untrusted', path.join(dir, 'issuing-ca.crt')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
    expect(out).toContain('Verification: OK')
  })

  it('echoes the nonce of an openssl query, and rejects malformed or SHA-1 requests with a failInfo', async () => {
    const post = async (body: Uint8Array) => {
      const res = await fetch(tsaServer.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(body) })
      expect(res.headers.get('content-type')).toBe('application/timestamp-reply')
      return new pkijs.TimeStampResp({ schema: fromDer(new Uint8Array(await res.arrayBuffer())) })
    }
    const failBits = (r: pkijs.TimeStampResp) => Buffer.from(r.status.failInfo!.valueBlock.valueHexView)

    const junk = await post(new Uint8Array(Buffer.from('not a request')))
    expect(junk.status.status).toBe(pkijs.PKIStatus.rejection)
    expect(failBits(junk)[0]! & (0x80 >> TsaFailure.badDataFormat)).toBeTruthy()
    expect((await fetch(tsaServer.url)).status).toBe(405)

    if (!hasOpenssl) return
    fs.writeFileSync(path.join(tmp, 'q.txt'), 'query')
    for (const [alg, expected] of [['-sha256', 'granted'], ['-sha1', 'badAlg']] as const) {
      const query = path.join(tmp, `q${alg}.tsq`)
      execFileSync('openssl', ['ts', '-query', '-data', path.join(tmp, 'q.txt'), alg, '-cert', '-out', query], { stdio: 'ignore' })
      const resp = await post(new Uint8Array(fs.readFileSync(query)))
      if (expected === 'granted') {
        expect(resp.status.status).toBe(pkijs.PKIStatus.granted)
        const reply = path.join(tmp, 'r.tsr')
        fs.writeFileSync(reply, Buffer.from(resp.toSchema().toBER(false)))
        const out = execFileSync(
          'openssl',
          ['ts', '-verify', '-in', reply, '-queryfile', query, '-CAfile', path.join(dir, 'root-ca.crt'), '-untrusted', path.join(dir, 'issuing-ca.crt')],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        )
        expect(out).toContain('Verification: OK')
      } else {
        expect(resp.status.status).toBe(pkijs.PKIStatus.rejection)
        expect(failBits(resp)[0]! & (0x80 >> TsaFailure.badAlg)).toBeTruthy()
      }
    }
  })
})

describe('revocation', () => {
  it('CrlRevocationProvider returns the loaded CRL, else fetches the distribution point; none for a root', async () => {
    const person = await readP12(pki.p12('person'), pki.password)
    const loaded = new CrlRevocationProvider({ crls: [pki.issuingCrl], fetch: false })
    expect(Buffer.from((await loaded.getCRL(person.certificate))!).equals(Buffer.from(pki.issuingCrl))).toBe(true)
    expect(await loaded.getCRL(pki.rootCertificate)).toBeNull()

    const fetching = new CrlRevocationProvider({ timeoutMs: 2000 })
    expect(Buffer.from((await fetching.getCRL(person.certificate))!).equals(Buffer.from(pki.issuingCrl))).toBe(true)
    expect(Buffer.from((await fetching.getCRL(pki.issuingCertificate))!).equals(Buffer.from(pki.rootCrl))).toBe(true)
  })

  it('checkCertificateUsable refuses expired, revoked, untrusted and wrong-usage certificates', async () => {
    const usable = async (id: (typeof DEMO_IDENTITIES)[number], extra: { trustAnchors?: Uint8Array[]; usage?: 'signing' | 'timestamping' } = {}) => {
      const p = await readP12(pki.p12(id), pki.password)
      return checkCertificateUsable(p.certificate, {
        chain: p.chain.slice(0, 1),
        trustAnchors: extra.trustAnchors ?? [pki.rootCertificate],
        crls: [pki.issuingCrl, pki.rootCrl],
        ...(extra.usage ? { usage: extra.usage } : {}),
      })
    }
    expect(await usable('person')).toEqual({ ok: true, revocation: 'good' })
    expect(await usable('seal')).toEqual({ ok: true, revocation: 'good' })
    expect(await usable('tsa', { usage: 'timestamping' })).toEqual({ ok: true, revocation: 'good' })

    const expired = await usable('expired')
    expect(expired).toMatchObject({ ok: false, code: 'expired' })
    expect(expired.ok === false && expired.message).toContain('đã hết hạn')
    const revoked = await usable('revoked')
    expect(revoked).toMatchObject({ ok: false, code: 'revoked' })
    expect(revoked.ok === false && revoked.messageEn).toContain('was revoked')
    expect(await usable('person', { trustAnchors: [] })).toMatchObject({ ok: false, code: 'untrusted' })
    expect(await usable('person', { usage: 'timestamping' })).toMatchObject({ ok: false, code: 'wrong-usage' })
  })
})
