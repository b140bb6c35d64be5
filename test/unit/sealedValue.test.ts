import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadDataKeyring } from '../../src/crypto/dataKey'
import { DataKeyring, SealedValueError, sealedRow } from '../../src/crypto/fieldCipher'
import {
  formatSealed,
  isSealed,
  mapSealedFields,
  normalizeIdentifier,
  parseDataKey,
  parseDataKeyList,
  parseSealed,
  rewriteIdentifierWhere,
} from '../../src/domain/sealedValue'

const keyA = crypto.randomBytes(32)
const keyB = crypto.randomBytes(32)
const CCCD = '001085012345'

/** Flips one bit of the decoded bytes at `offset` (from the end when negative) and re-encodes. */
function flip(sealed: string, offset: number): string {
  const [, , kid, body] = sealed.split(':')
  const bytes = Buffer.from(body!, 'base64url')
  bytes[offset < 0 ? bytes.length + offset : offset]! ^= 1
  return `enc:v1:${kid}:${bytes.toString('base64url')}`
}

describe('sealed values', () => {
  const ring = new DataKeyring(keyA)

  test('round trip: the plaintext comes back, the stored text shows none of it', () => {
    const sealed = ring.seal(CCCD, 'nationalId')
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+$/)
    expect(sealed).not.toContain(CCCD)
    expect(sealed).not.toContain('012345')
    expect(ring.open(sealed, 'nationalId')).toBe(CCCD)
    expect(ring.open(ring.seal('Nguyễn – 8012345678-001', 'taxCode'), 'taxCode')).toBe('Nguyễn – 8012345678-001')
  })

  test('a random IV each time: the same number seals differently', () => {
    expect(ring.seal(CCCD, 'nationalId')).not.toBe(ring.seal(CCCD, 'nationalId'))
  })

  test('the key id is in the value and is the same for the same key', () => {
    const sealed = ring.seal(CCCD, 'nationalId')
    expect(parseSealed(sealed)!.keyId).toBe(ring.keyId)
    expect(new DataKeyring(keyA).keyId).toBe(ring.keyId)
    expect(new DataKeyring(keyB).keyId).not.toBe(ring.keyId)
  })

  test('another key cannot open it, and says which key it needs', () => {
    const sealed = ring.seal(CCCD, 'nationalId')
    expect(() => new DataKeyring(keyB).open(sealed, 'nationalId')).toThrow(SealedValueError)
    expect(() => new DataKeyring(keyB).open(sealed, 'nationalId')).toThrow(new RegExp(ring.keyId))
  })

  test('a value forged with the right key id but another key fails authentication', () => {
    const forged = new DataKeyring(keyB).seal(CCCD, 'nationalId').replace(/^enc:v1:[0-9a-f]{8}:/, `enc:v1:${ring.keyId}:`)
    expect(() => ring.open(forged, 'nationalId')).toThrow(/altered|bị sửa/)
  })

  test('tampering with the IV, the ciphertext or the tag is detected', () => {
    const sealed = ring.seal(CCCD, 'nationalId')
    for (const offset of [0, 12, 15, -1]) expect(() => ring.open(flip(sealed, offset), 'nationalId')).toThrow(SealedValueError)
    expect(() => ring.open(sealed.slice(0, -4), 'nationalId')).toThrow(SealedValueError)
  })

  test('a value moved into another field does not open', () => {
    const sealed = ring.seal(CCCD, 'nationalId')
    expect(() => ring.open(sealed, 'taxCode')).toThrow(SealedValueError)
  })

  test('rotation: previous keys still open old values, new values use the current key', () => {
    const old = ring.seal(CCCD, 'nationalId')
    const rotated = new DataKeyring(keyB, [keyA])
    expect(rotated.open(old, 'nationalId')).toBe(CCCD)
    expect(rotated.isCurrent(old)).toBe(false)
    expect(rotated.isCurrent(rotated.seal(CCCD, 'nationalId'))).toBe(true)
  })

  test('blind index: stable for a key, different per key and per field, never the plaintext', () => {
    const a = ring.blindIndex(CCCD, 'nationalId')
    expect(a).toBe(new DataKeyring(keyA).blindIndex(CCCD, 'nationalId'))
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(ring.blindIndex('001085012346', 'nationalId'))
    expect(a).not.toBe(new DataKeyring(keyB).blindIndex(CCCD, 'nationalId'))
    expect(a).not.toBe(ring.blindIndex(CCCD, 'taxCode'))
    // Independent of the encryption key: the HMAC key is derived apart (not the AES key, not the master key).
    expect(a).not.toBe(crypto.createHmac('sha256', keyA).update('nationalId\0' + CCCD).digest('base64url'))
  })

  test('sealedRow seals the identifiers of a row and sets the blind index; blanks stay empty', () => {
    const row = sealedRow({ fullName: 'Nguyễn Thị Hường', nationalId: '001 085 012345', socialInsuranceNumber: '0123456789', taxCode: '' }, ring)
    expect(row.fullName).toBe('Nguyễn Thị Hường')
    expect(ring.open(row.nationalId as string, 'nationalId')).toBe(CCCD)
    expect(ring.open(row.socialInsuranceNumber as string, 'socialInsuranceNumber')).toBe('0123456789')
    expect(row.taxCode).toBeNull()
    expect(row.nationalIdIndex).toBe(ring.blindIndex(CCCD, 'nationalId'))
    expect(sealedRow({ fullName: 'x' }, ring).nationalIdIndex).toBeNull()
  })
})

describe('stored format', () => {
  test('format and parse are inverse; other text is not a sealed value', () => {
    const parts = { keyId: '0a1b2c3d', iv: new Uint8Array(12).fill(1), ciphertext: new Uint8Array([1, 2, 3]), tag: new Uint8Array(16).fill(2) }
    const text = formatSealed(parts)
    const back = parseSealed(text)!
    expect(back.keyId).toBe('0a1b2c3d')
    expect([...back.iv, ...back.ciphertext, ...back.tag]).toEqual([...parts.iv, ...parts.ciphertext, ...parts.tag])
    expect(isSealed(text)).toBe(true)
    for (const other of [CCCD, '', 'enc:v2:0a1b2c3d:AAAA', 'enc:v1:XYZ:AAAA', 'enc:v1:0a1b2c3d:AAAA']) expect(parseSealed(other)).toBeNull()
    expect(isSealed(CCCD)).toBe(false)
    expect(isSealed(null)).toBe(false)
    expect(() => formatSealed({ ...parts, keyId: 'k1' })).toThrow()
  })

  test('normalizeIdentifier drops whitespace; blank is none', () => {
    expect(normalizeIdentifier(' 001 085\t012345 ')).toBe(CCCD)
    expect(normalizeIdentifier('   ')).toBeNull()
    expect(normalizeIdentifier(null)).toBeNull()
    expect(normalizeIdentifier(undefined)).toBeNull()
  })

  test('mapSealedFields touches the identifiers only, and returns the same object when nothing changes', () => {
    const fields = { nationalId: CCCD, phone: '0912', taxCode: null }
    const out = mapSealedFields(fields, (f, v) => (v == null ? v : `${f}:${v}`))
    expect(out).toEqual({ nationalId: `nationalId:${CCCD}`, phone: '0912', taxCode: null })
    expect(fields.nationalId).toBe(CCCD)
    expect(mapSealedFields(fields, (_f, v) => v)).toBe(fields)
  })
})

describe('data keys', () => {
  const hex = keyA.toString('hex')
  const b64 = keyA.toString('base64')

  test('hex, base64 and base64url of 32 bytes are accepted', () => {
    expect(Buffer.from(parseDataKey(hex, 'K'))).toEqual(keyA)
    expect(Buffer.from(parseDataKey(` ${b64}\n`, 'K'))).toEqual(keyA)
    expect(Buffer.from(parseDataKey(keyA.toString('base64url'), 'K'))).toEqual(keyA)
    expect(parseDataKeyList(`${hex}, ${keyB.toString('base64')}`, 'K').map((k) => Buffer.from(k))).toEqual([keyA, keyB])
  })

  test('anything else is refused, naming the source and never echoing the key', () => {
    for (const bad of ['', 'secret', hex.slice(2), crypto.randomBytes(16).toString('base64'), crypto.randomBytes(33).toString('base64')]) {
      expect(() => parseDataKey(bad, 'HOSO_DATA_KEY')).toThrow(/HOSO_DATA_KEY: khóa phải gồm đúng 32 byte/)
    }
    try {
      parseDataKey(hex.slice(2), 'HOSO_DATA_KEY')
    } catch (e) {
      expect((e as Error).message).not.toContain(hex.slice(2, 20))
    }
  })

  test('a deployment (HOSO_DEPLOYMENT=production) without a key refuses with the variable named; a production build outside a deployment generates a key once and keeps it', () => {
    expect(() => loadDataKeyring({ NODE_ENV: 'production', HOSO_DEPLOYMENT: 'production' })).toThrow(/HOSO_DATA_KEY hoặc HOSO_DATA_KEY_FILE chưa được đặt/)
    expect(() => loadDataKeyring({ NODE_ENV: 'production', HOSO_DEPLOYMENT: 'production', HOSO_DATA_KEY: hex, HOSO_DATA_KEY_FILE: '/x' })).toThrow(/Chỉ đặt một/)
    expect(loadDataKeyring({ NODE_ENV: 'production', HOSO_DEPLOYMENT: 'production', HOSO_DATA_KEY: b64 }).keyId).toBe(new DataKeyring(keyA).keyId)

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-key-'))
    try {
      const file = path.join(dir, 'k')
      fs.writeFileSync(file, `${hex}\n`)
      expect(loadDataKeyring({ NODE_ENV: 'production', HOSO_DEPLOYMENT: 'production', HOSO_DATA_KEY_FILE: file }).keyId).toBe(new DataKeyring(keyA).keyId)

      const first = loadDataKeyring({ NODE_ENV: 'production', HOSO_DATA_DIR: dir })
      expect((fs.statSync(path.join(dir, 'data-key')).mode & 0o777).toString(8)).toBe('600')
      const sealed = first.seal(CCCD, 'nationalId')
      expect(loadDataKeyring({ NODE_ENV: 'production', HOSO_DATA_DIR: dir }).open(sealed, 'nationalId')).toBe(CCCD)
      expect(fs.readdirSync(dir).sort()).toEqual(['data-key', 'k'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('filters on the CCCD go to its blind index', () => {
  const index = (v: string) => `H(${v})`

  test('exact operators are rewritten with normalised values; exists stays on the column', () => {
    expect(rewriteIdentifierWhere({ nationalId: { equals: '001 085 012345' } }, index)).toEqual({ nationalIdIndex: { equals: `H(${CCCD})` } })
    expect(rewriteIdentifierWhere({ nationalId: { in: ['1', '2'] } }, index)).toEqual({ nationalIdIndex: { in: ['H(1)', 'H(2)'] } })
    expect(rewriteIdentifierWhere({ nationalId: { not_in: '1,2' } }, index)).toEqual({ nationalIdIndex: { not_in: ['H(1)', 'H(2)'] } })
    expect(rewriteIdentifierWhere({ nationalId: { exists: true } }, index)).toEqual({ nationalId: { exists: true } })
    expect(rewriteIdentifierWhere({ nationalId: { equals: '' } }, index)).toEqual({ nationalIdIndex: { equals: null } })
  })

  test('inside and/or, beside other conditions, and mixed operators', () => {
    expect(
      rewriteIdentifierWhere({ unitPath: { like: '.7.' }, or: [{ nationalId: { equals: '1' } }, { staffCode: { equals: 'A' } }] }, index),
    ).toEqual({ unitPath: { like: '.7.' }, or: [{ nationalIdIndex: { equals: 'H(1)' } }, { staffCode: { equals: 'A' } }] })
    expect(rewriteIdentifierWhere({ staffCode: { equals: 'A' }, nationalId: { equals: '1', exists: true } }, index)).toEqual({
      and: [{ staffCode: { equals: 'A' } }, { nationalIdIndex: { equals: 'H(1)' } }, { nationalId: { exists: true } }],
    })
    const untouched = { fullName: { like: 'x' } }
    expect(rewriteIdentifierWhere(untouched, index)).toEqual(untouched)
  })
})
