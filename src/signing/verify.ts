// Verification of the signatures of a PDF (PAdES: ETSI EN 319 142-1; adbe.pkcs7.detached too), giving
// what TT 15/2025/TT-BKHCN asks a verifier to show: who issued the certificate, who signed, when (signing
// time or timestamp), whether the document is intact, and whether the signature was valid when made.
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfStream, PdfString, type PdfObject } from '@libpdf/core'
import type * as pkijs from 'pkijs'

import { crlStatus, ocspStatus, parseCrls, validatePath, type PathValidation, type Problem } from '../pki/chain'
import { bytesEqual, certificateDer, digestHex, parseCertificate, summarizeCertificate } from '../pki/der'
import {
  checkSignerInfo,
  checkTimestampToken,
  parseSignedData,
  signingTimeOf,
  unsignedAttribute,
  OID_SIGNATURE_TIMESTAMP,
  type TimestampTokenCheck,
} from './cms'
import { classifyLaterChanges, dictOf, onlyWhitespaceAfter, revisionEnds } from './pdfRevisions'
import type { CheckResult, SignatureReport, VerificationReport } from './types'

export interface VerifyPdfOptions {
  /** DER certificates of the trusted roots. */
  trustAnchors: Uint8Array[]
  /** DER CRLs to use besides those in the document's DSS. */
  crls?: Uint8Array[]
  /** Time to validate at when a signature has neither a timestamp nor a signing time. */
  now?: Date
}

/** The input is not a PDF, or has no signatures: nothing to verify. */
export class PdfVerificationInputError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`)
    this.name = 'PdfVerificationInputError'
  }
}

interface SignatureEntry {
  fieldName: string
  sig: PdfDict
}

interface Dss {
  certs: Uint8Array[]
  crls: Uint8Array[]
  ocsps: Uint8Array[]
}

function streamsOf(pdf: PDF, dss: PdfDict, key: string): Uint8Array[] {
  const arr = dss.get(key, (r) => pdf.getObject(r))
  if (!(arr instanceof PdfArray)) return []
  const out: Uint8Array[] = []
  for (const item of arr.toArray()) {
    const s = item.type === 'ref' ? pdf.getObject(item as never) : item
    if (s instanceof PdfStream) out.push(s.getDecodedData())
  }
  return out
}

function readDss(pdf: PDF): Dss {
  const dss = dictOf(pdf, pdf.getCatalog().get('DSS'))
  if (!dss) return { certs: [], crls: [], ocsps: [] }
  return { certs: streamsOf(pdf, dss, 'Certs'), crls: streamsOf(pdf, dss, 'CRLs'), ocsps: streamsOf(pdf, dss, 'OCSPs') }
}

function textOf(obj: PdfObject | undefined): string | null {
  if (obj instanceof PdfString) return obj.asString()
  if (obj instanceof PdfName) return obj.value
  return null
}

/** Signature fields with a value, walking the AcroForm field tree (/Kids, inherited /FT). */
function signatureFields(pdf: PDF): SignatureEntry[] {
  const acroForm = dictOf(pdf, pdf.getCatalog().get('AcroForm'))
  const out: SignatureEntry[] = []
  const seen = new Set<PdfDict>()
  const walk = (node: PdfObject | undefined, parentName: string, inheritedFt: string | null, depth: number) => {
    const field = dictOf(pdf, node)
    if (!field || seen.has(field) || depth > 32) return
    seen.add(field)
    const partial = textOf(field.get('T'))
    const name = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial
    const ft = textOf(field.get('FT')) ?? inheritedFt
    const kids = field.get('Kids', (r) => pdf.getObject(r))
    if (kids instanceof PdfArray) for (const k of kids.toArray()) walk(k, name, ft, depth + 1)
    if (ft === 'Sig') {
      const sig = dictOf(pdf, field.get('V'))
      if (sig) out.push({ fieldName: name, sig })
    }
  }
  const fields = acroForm?.get('Fields', (r) => pdf.getObject(r))
  if (fields instanceof PdfArray) for (const f of fields.toArray()) walk(f, '', null, 0)
  return out
}

function byteRangeOf(sig: PdfDict): number[] | null {
  const br = sig.get('ByteRange')
  if (!(br instanceof PdfArray) || br.length !== 4) return null
  const nums = br.toArray().map((n) => (n instanceof PdfNumber ? n.value : NaN))
  return nums.every((n) => Number.isInteger(n) && n >= 0) ? nums : null
}

/** The /Contents hex string as it sits in the gap of the byte range (what was really signed around). */
function contentsInGap(bytes: Uint8Array, br: number[]): Uint8Array | null {
  const start = br[0]! + br[1]!
  const end = br[2]!
  if (end - start < 2 || bytes[start] !== 0x3c /* < */ || bytes[end - 1] !== 0x3e /* > */) return null
  const hex = Buffer.from(bytes.subarray(start + 1, end - 1)).toString('latin1').replace(/\s+/g, '')
  if (!/^[0-9a-fA-F]*$/.test(hex)) return null
  return new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'))
}

function pdfDate(s: string | null): Date | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s)
  if (!m) return null
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz] = m
  const offset = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`)
  return Number.isNaN(date.getTime()) ? null : date
}

const problem = (vi: string, en: string): Problem => ({ code: 'problem', vi, en })

interface TimestampResult {
  check: TimestampTokenCheck | null
  path: PathValidation | null
  report: SignatureReport['timestamp']
  problems: Problem[]
}

async function verifyTimestamp(
  tokenDer: Uint8Array,
  data: Uint8Array,
  context: { pool: pkijs.Certificate[]; poolDer: Uint8Array[]; trustAnchors: Uint8Array[]; crls: Uint8Array[]; ocsps: Uint8Array[] },
): Promise<TimestampResult> {
  let check: TimestampTokenCheck
  try {
    check = await checkTimestampToken(tokenDer, data, context.pool)
  } catch {
    return {
      check: null,
      path: null,
      report: null,
      problems: [problem('Dấu thời gian không đọc được', 'The timestamp token cannot be read')],
    }
  }
  const problems: Problem[] = []
  const integrity: CheckResult = check.imprintMatches && check.signatureVerified ? 'valid' : 'invalid'
  if (!check.imprintMatches) problems.push(problem('Dấu thời gian không khớp với dữ liệu được đóng dấu', 'The timestamp does not match the data it stamps'))
  if (!check.signatureVerified) problems.push(problem('Chữ ký của dấu thời gian không hợp lệ', 'The timestamp authority’s signature is invalid'))
  const tsaCert = check.parsed.signerCertificate
  let path: PathValidation | null = null
  let trusted: CheckResult = 'unknown'
  if (tsaCert) {
    path = await validatePath(tsaCert, {
      pool: [...check.parsed.certificates.map(certificateDer), ...context.poolDer],
      trustAnchors: context.trustAnchors,
      crls: context.crls,
      ocspResponses: context.ocsps,
      at: check.genTime,
      usage: 'timestamping',
    })
    trusted = !path.failure ? 'valid' : 'invalid'
    if (path.failure) {
      for (const p of path.problems) problems.push(problem(`Dấu thời gian: ${p.vi}`, `Timestamp: ${p.en}`))
    }
  } else {
    problems.push(problem('Không tìm thấy chứng thư của máy chủ dấu thời gian', 'The timestamp authority’s certificate is missing'))
  }
  return {
    check,
    path,
    report: {
      time: check.genTime.toISOString(),
      authority: tsaCert ? summarizeCertificate(tsaCert).commonName : '',
      integrity,
      trusted,
    },
    problems,
  }
}

/**
 * Whether a DSS holds the validation data of `chain` (PAdES B-LT): every non-anchor certificate (in the
 * DSS or the signature itself) and, for each, a CRL or OCSP response from its issuer.
 */
async function ltvComplete(dss: Dss, chain: pkijs.Certificate[], embedded: Uint8Array[]): Promise<boolean> {
  if (chain.length < 2) return false
  const available = [...dss.certs, ...embedded]
  const crls = parseCrls(dss.crls)
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i]!
    if (!available.some((c) => bytesEqual(c, certificateDer(cert)))) return false
    // Far future: only whether the data speaks about this certificate matters here, not its verdict.
    const far = new Date(8.64e15)
    const byCrl = await crlStatus(cert, chain[i + 1]!, crls, far)
    const byOcsp = byCrl.status === 'unknown' ? await ocspStatus(cert, chain[i + 1]!, dss.ocsps, far) : byCrl
    if (byOcsp.status === 'unknown') return false
  }
  return true
}

/**
 * Verifies every signature and document timestamp of a PDF. Throws PdfVerificationInputError when the
 * bytes are not a PDF or hold no signature.
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<VerificationReport> {
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new PdfVerificationInputError('Tệp không phải là PDF', 'The file is not a PDF')
  }
  const ends = revisionEnds(bytes)
  const lastEnd = ends.at(-1)
  if (lastEnd === undefined) throw new PdfVerificationInputError('Tệp PDF không hoàn chỉnh (thiếu %%EOF)', 'Incomplete PDF (no %%EOF)')

  let latest: PDF
  try {
    latest = await PDF.load(bytes.subarray(0, lastEnd))
  } catch {
    throw new PdfVerificationInputError('Không đọc được tệp PDF', 'The PDF cannot be read')
  }
  const entries = signatureFields(latest)
  if (entries.length === 0) throw new PdfVerificationInputError('Tệp PDF không có chữ ký số', 'The PDF has no digital signatures')

  const dss = readDss(latest)
  const crls = [...(options.crls ?? []), ...dss.crls]
  const now = options.now ?? new Date()
  const loaded = new Map<number, PDF>()
  const pdfAt = async (end: number): Promise<PDF> => {
    if (end === lastEnd) return latest
    let pdf = loaded.get(end)
    if (!pdf) {
      pdf = await PDF.load(bytes.subarray(0, end))
      loaded.set(end, pdf)
    }
    return pdf
  }

  const reports: (SignatureReport & { end: number; chainCerts: pkijs.Certificate[]; embedded: Uint8Array[] })[] = []
  for (const { fieldName, sig } of entries) {
    const problems: Problem[] = []
    const type = textOf(sig.get('Type'))
    const subFilter = textOf(sig.get('SubFilter')) ?? ''
    const kind: SignatureReport['kind'] = type === 'DocTimeStamp' || subFilter === 'ETSI.RFC3161' ? 'document-timestamp' : 'signature'
    const br = byteRangeOf(sig)
    const base: SignatureReport = {
      fieldName,
      kind,
      subFilter,
      signer: null,
      chain: [],
      integrity: 'invalid',
      chainTrusted: 'unknown',
      revocation: 'unknown',
      claimedSigningTime: null,
      timestamp: null,
      level: null,
      byteRangeCoversRevision: false,
      modifiedAfterSigning: false,
      laterChanges: 'none',
      valid: false,
      problems: [],
      problemsEn: [],
    }
    const finish = (r: SignatureReport, end: number, chainCerts: pkijs.Certificate[] = [], embedded: Uint8Array[] = []) => {
      r.problems = problems.map((p) => p.vi)
      r.problemsEn = problems.map((p) => p.en)
      reports.push({ ...r, end, chainCerts, embedded })
    }

    const end = br ? br[2]! + br[3]! : -1
    const contents = br ? contentsInGap(bytes, br) : null
    if (!br || !contents || br[0] !== 0 || br[1]! > br[2]! || end > bytes.length) {
      problems.push(problem('Vùng dữ liệu được ký (ByteRange) không hợp lệ', 'The signed byte range is malformed'))
      finish(base, Math.max(end, 0))
      continue
    }
    base.byteRangeCoversRevision = ends.includes(end)
    if (!base.byteRangeCoversRevision) {
      problems.push(problem('Chữ ký không phủ trọn một phiên bản của tài liệu', 'The signature does not cover a whole revision of the document'))
    }
    const signedContent = Buffer.concat([bytes.subarray(0, br[1]!), bytes.subarray(br[2]!, end)])

    // Later revisions.
    base.modifiedAfterSigning = !onlyWhitespaceAfter(bytes, end)
    if (base.modifiedAfterSigning) {
      try {
        const changes = base.byteRangeCoversRevision
          ? classifyLaterChanges(bytes, end, await pdfAt(end), latest, lastEnd)
          : { kind: 'other' as const, reasons: ['unknown revision'] }
        base.laterChanges = changes.kind
        if (changes.kind === 'other') {
          problems.push(
            problem(
              'Tài liệu đã bị thay đổi sau khi ký (không chỉ thêm chữ ký hoặc dữ liệu xác thực)',
              `The document was changed after signing (not only by further signatures or validation data): ${changes.reasons.join('; ')}`,
            ),
          )
        }
      } catch {
        base.laterChanges = 'other'
        problems.push(problem('Không đọc được các thay đổi sau khi ký', 'The changes made after signing cannot be read'))
      }
    }

    const dssCerts = dss.certs.flatMap((d) => {
      try {
        return [parseCertificate(d)]
      } catch {
        return []
      }
    })
    const context = { pool: dssCerts, poolDer: dss.certs, trustAnchors: options.trustAnchors, crls, ocsps: dss.ocsps }

    if (kind === 'document-timestamp') {
      const ts = await verifyTimestamp(contents, signedContent, context)
      problems.push(...ts.problems)
      base.timestamp = ts.report
      base.integrity = ts.report?.integrity ?? 'invalid'
      const tsa = ts.check?.parsed.signerCertificate ?? null
      base.signer = tsa ? summarizeCertificate(tsa) : null
      base.chain = ts.path?.chain.map(summarizeCertificate) ?? []
      base.chainTrusted = ts.report?.trusted ?? 'unknown'
      base.revocation = ts.path?.revocation.status ?? 'unknown'
      finish(base, end, ts.path?.chain ?? [], ts.check?.parsed.certificates.map(certificateDer) ?? [])
      continue
    }

    let parsed
    try {
      parsed = parseSignedData(contents, dssCerts)
    } catch {
      problems.push(problem('Không đọc được dữ liệu chữ ký (CMS)', 'The signature data (CMS) cannot be read'))
      finish(base, end)
      continue
    }
    const signerCert = parsed.signerCertificate
    base.signer = signerCert ? summarizeCertificate(signerCert) : null
    if (!signerCert) problems.push(problem('Không tìm thấy chứng thư số của người ký', 'The signer’s certificate is missing'))

    const check = checkSignerInfo(parsed, signedContent)
    if (check.unsupported) problems.push(problem('Thuật toán băm không được hỗ trợ', `Unsupported digest algorithm ${check.unsupported}`))
    if (!check.digestMatches) problems.push(problem('Nội dung tài liệu đã bị thay đổi sau khi ký', 'The document content was altered after signing'))
    if (check.digestMatches && !check.signatureVerified) problems.push(problem('Chữ ký số không hợp lệ', 'The digital signature does not verify'))
    if (check.signingCertificate === 'mismatch') {
      problems.push(problem('Thuộc tính signing-certificate không khớp với chứng thư của người ký', 'The signing-certificate attribute names another certificate'))
    }
    base.integrity = check.digestMatches && check.signatureVerified && check.signingCertificate !== 'mismatch' ? 'valid' : 'invalid'

    const claimed = signingTimeOf(parsed.signerInfo) ?? pdfDate(textOf(sig.get('M')))
    base.claimedSigningTime = claimed?.toISOString() ?? null

    // Signature timestamp over the signature value (RFC 3161 via id-aa-signatureTimeStampToken).
    const tokenValue = unsignedAttribute(parsed.signerInfo, OID_SIGNATURE_TIMESTAMP)
    let proven: Date | null = null
    if (tokenValue) {
      const ts = await verifyTimestamp(
        new Uint8Array(tokenValue.toBER(false)),
        new Uint8Array(parsed.signerInfo.signature.valueBlock.valueHexView),
        context,
      )
      problems.push(...ts.problems)
      base.timestamp = ts.report
      if (ts.report?.integrity === 'valid' && ts.report.trusted === 'valid' && ts.check) proven = ts.check.genTime
    }

    const at = proven ?? claimed ?? now
    let chainCerts: pkijs.Certificate[] = []
    if (signerCert) {
      const path = await validatePath(signerCert, {
        pool: [...parsed.certificates.map(certificateDer), ...dss.certs],
        trustAnchors: options.trustAnchors,
        crls,
        ocspResponses: dss.ocsps,
        at,
        usage: 'signing',
      })
      chainCerts = path.chain
      base.chain = path.chain.map(summarizeCertificate)
      base.chainTrusted = path.anchored && path.validAt && path.usageOk && !path.caRevoked ? 'valid' : 'invalid'
      base.revocation = path.revocation.status
      problems.push(...path.problems.filter((p) => p.code !== 'revoked' || path.revocation.status === 'revoked' || path.caRevoked))
      if (path.revocation.status === 'unknown' && path.anchored) {
        problems.push(problem('Không có thông tin thu hồi cho chứng thư của người ký', 'No revocation information for the signer’s certificate'))
      }
    }

    if (subFilter === 'ETSI.CAdES.detached' && (check.signingCertificate === 'v2' || check.signingCertificate === 'v1')) {
      base.level = 'B-B'
      if (base.timestamp?.integrity === 'valid') base.level = 'B-T'
    }
    finish(base, end, chainCerts, parsed.certificates.map(certificateDer))
  }

  // B-LT: the DSS holds the validation data; B-LTA: a valid document timestamp covers such a DSS.
  const docTimestamps = reports.filter((r) => r.kind === 'document-timestamp' && r.integrity === 'valid' && r.chainTrusted === 'valid')
  for (const r of reports) {
    if (r.level !== 'B-T') continue
    if (!(await ltvComplete(dss, r.chainCerts, r.embedded))) continue
    r.level = 'B-LT'
    for (const ts of docTimestamps) {
      if (ts.end <= r.end) continue
      const coveredDss = readDss(await pdfAt(ts.end))
      if (await ltvComplete(coveredDss, r.chainCerts, r.embedded)) {
        r.level = 'B-LTA'
        break
      }
    }
  }

  const signatures: SignatureReport[] = reports
    .sort((a, b) => a.end - b.end)
    .map(({ end: _end, chainCerts: _c, embedded: _e, ...r }) => {
      const timestampOk = !r.timestamp || (r.timestamp.integrity === 'valid' && r.timestamp.trusted === 'valid')
      r.valid =
        r.integrity === 'valid' &&
        r.chainTrusted === 'valid' &&
        r.revocation !== 'revoked' &&
        r.byteRangeCoversRevision &&
        r.laterChanges !== 'other' &&
        timestampOk
      return r
    })
  return { sha256: digestHex('sha256', bytes), signatures, valid: signatures.every((s) => s.valid) }
}
