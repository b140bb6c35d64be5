// Key custody on a PKCS#11 token or HSM (the USB tokens of Ban Cơ yếu Chính phủ and the public CAs,
// a network HSM, or SoftHSM2 in tests). The private key never leaves the token: we find it by label or
// id, find the certificate object with the same CKA_ID, and ask the token to sign — CKM_SHA256_RSA_PKCS
// for RSA (the token hashes), CKM_ECDSA over a hash we compute for EC (the token returns r||s, which CMS
// wants as a DER SEQUENCE). One session per signer, used by one operation at a time.
// pkcs11js is an optional dependency (a native addon): it is loaded on first use, with a clear error if absent.
import crypto from 'node:crypto'

import type { DigestAlgorithm, KeyType, SignatureAlgorithm } from '@libpdf/core'

import { sameName } from '../../pki/der'
import { certificateKeyInfo, certificateLabel, ecdsaRawToDer, parseCertificate } from '../certificate'
import { SigningError } from '../errors'
import { type Env, readSecret, type SecretSource } from '../secrets'
import type { HosoSigner } from '../types'

/** The part of pkcs11js we use (declared here so the project type-checks without the optional addon). */
type Handle = Buffer
interface Attribute {
  type: number
  value?: number | boolean | string | Buffer
}
interface Pkcs11Instance {
  load(path: string): void
  C_Initialize(): void
  C_Finalize(): void
  close(): void
  C_GetSlotList(tokenPresent?: boolean): Handle[]
  C_GetTokenInfo(slot: Handle): { label: string; serialNumber: string }
  C_OpenSession(slot: Handle, flags: number): Handle
  C_CloseSession(session: Handle): void
  C_Login(session: Handle, userType: number, pin?: string): void
  C_Logout(session: Handle): void
  C_FindObjectsInit(session: Handle, template: Attribute[]): void
  C_FindObjects(session: Handle, max: number): Handle[]
  C_FindObjectsFinal(session: Handle): void
  C_GetAttributeValue(session: Handle, object: Handle, template: Attribute[]): { type: number; value?: Buffer }[]
  C_SignInit(session: Handle, mechanism: { mechanism: number }, key: Handle): void
  C_SignAsync(session: Handle, data: Buffer, out: Buffer): Promise<Buffer>
}
export interface Pkcs11Module {
  PKCS11: new () => Pkcs11Instance
  [constant: string]: unknown
}

/** Loads pkcs11js, or explains how to get it. */
export async function loadPkcs11js(): Promise<Pkcs11Module> {
  const name = 'pkcs11js'
  try {
    const mod = (await import(name)) as { default?: Pkcs11Module } & Pkcs11Module
    return mod.default ?? mod
  } catch (cause) {
    throw new SigningError(
      'PKCS11_UNAVAILABLE',
      'Không dùng được thiết bị ký số PKCS#11: gói tùy chọn pkcs11js chưa được cài hoặc chưa biên dịch (npm install pkcs11js, cần trình biên dịch C++)',
      'PKCS#11 tokens are unavailable: the optional package pkcs11js is not installed or not built (npm install pkcs11js, needs a C++ compiler)',
      { cause },
    )
  }
}

export interface Pkcs11Options {
  /** Path of the token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  module: string
  /** The token: by its slot id … */
  slot?: number
  /** … or by its label (e.g. "hoso"). One of the two is required. */
  tokenLabel?: string
  /** The user PIN: `{ file }` or `{ envName }`, or the value itself (tests, already-read secrets). */
  pin: SecretSource | { value: string }
  /** The private key: by CKA_LABEL … */
  keyLabel?: string
  /** … or by CKA_ID (hex). One of the two is required. */
  keyId?: string
  /** Certificates to send along (intermediate CAs) if the token holds none. */
  certificateChain?: Uint8Array[]
  env?: Env
}

/** One loaded library per path: C_Initialize/C_Finalize and log-in state are per process and per token. */
interface LoadedModule {
  mod: Pkcs11Module
  p11: Pkcs11Instance
  users: number
  /** Open signers per slot, to log out only when the last one closes (log-in is shared by all sessions). */
  slots: Map<string, number>
}
const loaded = new Map<string, Promise<LoadedModule>>()

function constant(mod: Pkcs11Module, name: string): number {
  const v = mod[name]
  if (typeof v !== 'number') throw new Error(`pkcs11js: missing constant ${name}`)
  return v
}

function ckr(err: unknown): string {
  return err instanceof Error ? (/CKR_[A-Z_]+/.exec(`${err.message} ${(err as { stack?: string }).stack ?? ''}`)?.[0] ?? '') : ''
}

async function acquireModule(path: string): Promise<LoadedModule> {
  let entry = loaded.get(path)
  if (!entry) {
    entry = (async () => {
      const mod = await loadPkcs11js()
      const p11 = new mod.PKCS11()
      try {
        p11.load(path)
      } catch (cause) {
        throw new SigningError('PKCS11_MODULE', `Không nạp được thư viện PKCS#11: ${path}`, `Cannot load the PKCS#11 library: ${path}`, { cause })
      }
      try {
        p11.C_Initialize()
      } catch (err) {
        if (ckr(err) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
          p11.close()
          throw new SigningError('PKCS11_MODULE', `Thư viện PKCS#11 không khởi tạo được: ${path} (${ckr(err) || 'lỗi'})`, `The PKCS#11 library failed to initialise: ${path} (${ckr(err) || 'error'})`, { cause: err })
        }
      }
      return { mod, p11, users: 0, slots: new Map() }
    })()
    loaded.set(path, entry)
    entry.catch(() => loaded.delete(path))
  }
  const m = await entry
  m.users++
  return m
}

function releaseModule(path: string, m: LoadedModule): void {
  m.users--
  if (m.users > 0) return
  loaded.delete(path)
  try {
    m.p11.C_Finalize()
  } finally {
    m.p11.close()
  }
}

function slotNumber(slot: Handle): number {
  return slot.length >= 8 ? Number(slot.readBigUInt64LE(0)) : slot.readUInt32LE(0)
}

function findSlot(m: LoadedModule, options: Pkcs11Options): Handle {
  const slots = m.p11.C_GetSlotList(true)
  if (options.slot !== undefined) {
    const s = slots.find((h) => slotNumber(h) === options.slot)
    if (s) return s
    throw new SigningError('PKCS11_TOKEN', `Không có thiết bị ký số ở khe (slot) ${options.slot}`, `No token in slot ${options.slot}`)
  }
  if (options.tokenLabel !== undefined) {
    const s = slots.find((h) => m.p11.C_GetTokenInfo(h).label.trim() === options.tokenLabel)
    if (s) return s
    throw new SigningError('PKCS11_TOKEN', `Không tìm thấy thiết bị ký số có nhãn "${options.tokenLabel}"`, `No token labelled "${options.tokenLabel}"`)
  }
  throw new SigningError('PKCS11_TOKEN', 'Cần chỉ rõ thiết bị ký số (slot hoặc nhãn token)', 'The token must be given (slot or token label)')
}

function findObjects(p11: Pkcs11Instance, session: Handle, template: Attribute[], max = 16): Handle[] {
  p11.C_FindObjectsInit(session, template)
  try {
    return p11.C_FindObjects(session, max)
  } finally {
    p11.C_FindObjectsFinal(session)
  }
}

function attribute(p11: Pkcs11Instance, session: Handle, object: Handle, type: number): Buffer | undefined {
  return p11.C_GetAttributeValue(session, object, [{ type }])[0]?.value
}

export class Pkcs11Signer implements HosoSigner {
  readonly transport = 'pkcs11' as const
  readonly label: string
  readonly certificate: Uint8Array
  readonly certificateChain: Uint8Array[]
  readonly keyType: KeyType
  readonly signatureAlgorithm: SignatureAlgorithm
  readonly #module: string
  readonly #slotKey: string
  #m: LoadedModule | null
  #session: Handle | null
  readonly #key: Handle
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(init: {
    module: string
    slotKey: string
    m: LoadedModule
    session: Handle
    key: Handle
    certificate: Uint8Array
    chain: Uint8Array[]
  }) {
    this.#module = init.module
    this.#slotKey = init.slotKey
    this.#m = init.m
    this.#session = init.session
    this.#key = init.key
    this.certificate = init.certificate
    this.certificateChain = init.chain
    const info = certificateKeyInfo(init.certificate)
    this.keyType = info.keyType
    this.signatureAlgorithm = info.signatureAlgorithm
    this.label = certificateLabel(init.certificate)
  }

  /** Opens a session on the token, logs in with the PIN and finds the key and its certificate. */
  static async open(options: Pkcs11Options): Promise<Pkcs11Signer> {
    if (!options.keyLabel && !options.keyId) {
      throw new SigningError('PKCS11_KEY', 'Cần chỉ rõ khóa trên thiết bị (nhãn hoặc id)', 'The key on the token must be given (label or id)')
    }
    const pin = 'value' in options.pin ? options.pin.value : readSecret(options.pin, { vi: 'mã PIN của thiết bị ký số', en: 'token PIN' }, options.env)
    const m = await acquireModule(options.module)
    const { p11, mod } = m
    const c = (name: string) => constant(mod, name)
    let session: Handle | null = null
    let slotKey = ''
    let counted = false
    try {
      const slot = findSlot(m, options)
      slotKey = slot.toString('hex')
      const tokenName = options.tokenLabel ?? `slot ${options.slot}`
      session = p11.C_OpenSession(slot, c('CKF_SERIAL_SESSION'))
      try {
        p11.C_Login(session, c('CKU_USER'), pin)
      } catch (err) {
        const code = ckr(err)
        if (code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_LEN_RANGE') {
          throw new SigningError('PKCS11_PIN', `Sai mã PIN của thiết bị ký số "${tokenName}"`, `Wrong PIN for token "${tokenName}"`, { cause: err })
        }
        if (code === 'CKR_PIN_LOCKED') {
          throw new SigningError('PKCS11_PIN_LOCKED', `Mã PIN của thiết bị ký số "${tokenName}" đã bị khóa`, `The PIN of token "${tokenName}" is locked`, { cause: err })
        }
        if (code !== 'CKR_USER_ALREADY_LOGGED_IN') {
          throw new SigningError('PKCS11_LOGIN', `Không đăng nhập được thiết bị ký số "${tokenName}" (${code || 'lỗi'})`, `Cannot log in to token "${tokenName}" (${code || 'error'})`, { cause: err })
        }
      }
      m.slots.set(slotKey, (m.slots.get(slotKey) ?? 0) + 1)
      counted = true

      const keyTemplate: Attribute[] = [{ type: c('CKA_CLASS'), value: c('CKO_PRIVATE_KEY') }]
      if (options.keyId) keyTemplate.push({ type: c('CKA_ID'), value: Buffer.from(options.keyId, 'hex') })
      if (options.keyLabel) keyTemplate.push({ type: c('CKA_LABEL'), value: options.keyLabel })
      const keyName = options.keyLabel ?? options.keyId!
      const keys = findObjects(p11, session, keyTemplate)
      if (keys.length !== 1) {
        throw new SigningError(
          'PKCS11_KEY',
          keys.length === 0 ? `Không tìm thấy khóa bí mật "${keyName}" trên thiết bị ký số "${tokenName}"` : `Có nhiều khóa bí mật "${keyName}" trên thiết bị ký số "${tokenName}"`,
          keys.length === 0 ? `No private key "${keyName}" on token "${tokenName}"` : `Several private keys "${keyName}" on token "${tokenName}"`,
        )
      }
      const key = keys[0]!
      const id = attribute(p11, session, key, c('CKA_ID'))
      const certTemplate: Attribute[] = [{ type: c('CKA_CLASS'), value: c('CKO_CERTIFICATE') }]
      certTemplate.push(id && id.length > 0 ? { type: c('CKA_ID'), value: id } : { type: c('CKA_LABEL'), value: keyName })
      const certs = findObjects(p11, session, certTemplate)
      const certificate = certs[0] && attribute(p11, session, certs[0], c('CKA_VALUE'))
      if (!certificate) {
        throw new SigningError('PKCS11_CERTIFICATE', `Không tìm thấy chứng thư số của khóa "${keyName}" trên thiết bị ký số "${tokenName}"`, `No certificate for key "${keyName}" on token "${tokenName}"`)
      }
      const chain = options.certificateChain ?? chainFromToken(p11, session, c, new Uint8Array(certificate))
      return new Pkcs11Signer({ module: options.module, slotKey, m, session, key, certificate: new Uint8Array(certificate), chain })
    } catch (err) {
      if (session) {
        if (counted) logoutIfLast(m, slotKey, session)
        try {
          p11.C_CloseSession(session)
        } catch {
          // the session is gone already
        }
      }
      releaseModule(options.module, m)
      throw err
    }
  }

  sign(data: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    const run = this.#queue.then(() => this.#sign(data, algorithm))
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #sign(data: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    const m = this.#m
    const session = this.#session
    if (!m || !session) throw new SigningError('SIGNER_CLOSED', 'Bộ ký đã đóng', 'The signer is closed')
    const c = (name: string) => constant(m.mod, name)
    const bits = { 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 }[algorithm]
    try {
      if (this.keyType === 'RSA') {
        m.p11.C_SignInit(session, { mechanism: c(`CKM_SHA${bits}_RSA_PKCS`) }, this.#key)
        return new Uint8Array(await m.p11.C_SignAsync(session, Buffer.from(data), Buffer.alloc(1024)))
      }
      const digest = crypto.createHash(`sha${bits}`).update(data).digest()
      m.p11.C_SignInit(session, { mechanism: c('CKM_ECDSA') }, this.#key)
      const raw = await m.p11.C_SignAsync(session, digest, Buffer.alloc(256))
      return ecdsaRawToDer(new Uint8Array(raw))
    } catch (err) {
      if (err instanceof SigningError) throw err
      throw new SigningError('PKCS11_SIGN', `Thiết bị ký số từ chối ký (${ckr(err) || 'lỗi'})`, `The token refused to sign (${ckr(err) || 'error'})`, { cause: err })
    }
  }

  /** Logs out (when no other signer uses the token), closes the session and finalizes the library when unused. */
  async close(): Promise<void> {
    await this.#queue
    const m = this.#m
    const session = this.#session
    if (!m || !session) return
    this.#m = null
    this.#session = null
    try {
      logoutIfLast(m, this.#slotKey, session)
      m.p11.C_CloseSession(session)
    } finally {
      releaseModule(this.#module, m)
    }
  }
}

function logoutIfLast(m: LoadedModule, slotKey: string, session: Handle): void {
  const left = (m.slots.get(slotKey) ?? 1) - 1
  if (left > 0) {
    m.slots.set(slotKey, left)
    return
  }
  m.slots.delete(slotKey)
  try {
    m.p11.C_Logout(session)
  } catch {
    // not logged in (e.g. the login failed): nothing to undo
  }
}

/** Issuer certificates stored on the token, from the signer's issuer up to a self-signed root. */
function chainFromToken(p11: Pkcs11Instance, session: Handle, c: (name: string) => number, leaf: Uint8Array): Uint8Array[] {
  const all = findObjects(p11, session, [{ type: c('CKA_CLASS'), value: c('CKO_CERTIFICATE') }], 64)
    .map((h) => attribute(p11, session, h, c('CKA_VALUE')))
    .filter((v): v is Buffer => !!v)
    .map((v) => ({ der: new Uint8Array(v), cert: parseCertificate(new Uint8Array(v)) }))
  const chain: Uint8Array[] = []
  let current = parseCertificate(leaf)
  while (!sameName(current.issuer, current.subject) && chain.length < 8) {
    const issuer = all.find((x) => sameName(x.cert.subject, current.issuer) && !chain.includes(x.der) && Buffer.compare(x.der, leaf) !== 0)
    if (!issuer) break
    chain.push(issuer.der)
    current = issuer.cert
  }
  return chain
}
