/**
 * `npm run verify-pdf -- file.pdf [--trust root.crt ...] [--crl file.crl ...] [--json]`: checks every
 * signature of a PDF. Trust anchors: the demo root (.pki/root-ca.crt, or PKI_DIR) when present, plus
 * HOSO_TRUST_ANCHORS (comma-separated PEM paths), plus --trust. Exit 0 when every signature is valid,
 * 1 when one is not, 2 on bad input.
 */
import fs from 'node:fs'
import path from 'node:path'

import { formatVietnamTime } from '../../domain/signing/time'
import { fromPemOrDer } from '../../pki/der'
import { defaultPkiDir } from '../../pki/demoPki'
import { runCli } from '../../server/cli/run'
import type { CheckResult, SignatureReport } from '../types'
import { PdfVerificationInputError, verifyPdf } from '../verify'

const USAGE = 'usage: npm run verify-pdf -- file.pdf [--trust root.crt ...] [--crl file.crl ...] [--json]'

function values(flag: string): string[] {
  const out: string[] = []
  process.argv.forEach((a, i) => {
    if (a === flag && process.argv[i + 1]) out.push(process.argv[i + 1]!)
  })
  return out
}

const check = (r: CheckResult) => (r === 'valid' ? 'hợp lệ / valid' : r === 'invalid' ? 'KHÔNG hợp lệ / INVALID' : 'chưa xác định / unknown')
const time = (iso: string | null) => (iso ? formatVietnamTime(new Date(iso)) : '—')
const REVOCATION = { good: 'chưa bị thu hồi / not revoked', revoked: 'ĐÃ BỊ THU HỒI / REVOKED', unknown: 'không có thông tin / unknown' }
const LATER = {
  none: 'không / no',
  allowed: 'có, chỉ thêm chữ ký / dữ liệu xác thực / yes, only further signatures or validation data',
  other: 'CÓ, thay đổi nội dung khác / YES, other changes',
}

function print(s: SignatureReport, i: number): void {
  const kind = s.kind === 'document-timestamp' ? 'Dấu thời gian tài liệu / document timestamp' : 'Chữ ký số / signature'
  console.log(`\n#${i + 1} ${kind} — ${s.fieldName} (${s.subFilter})`)
  console.log(`  Kết quả / verdict:              ${s.valid ? 'HỢP LỆ / VALID' : 'KHÔNG HỢP LỆ / INVALID'}`)
  console.log(`  Người ký / signer:              ${s.signer?.subject ?? '—'}`)
  console.log(`  Tổ chức cấp / issuer:           ${s.signer?.issuer ?? '—'}`)
  console.log(`  Chuỗi chứng thư / chain:        ${s.chain.map((c) => c.commonName).join(' → ') || '—'}`)
  if (s.kind === 'signature') console.log(`  Thời điểm ký (tự khai) / claimed time: ${time(s.claimedSigningTime)}`)
  console.log(`  Dấu thời gian / timestamp:      ${s.timestamp ? `${time(s.timestamp.time)} (${s.timestamp.authority}; ${check(s.timestamp.integrity)}, tin cậy / trusted: ${check(s.timestamp.trusted)})` : '—'}`)
  console.log(`  Toàn vẹn / integrity:           ${check(s.integrity)}`)
  console.log(`  Tin cậy / trust:                ${check(s.chainTrusted)}`)
  console.log(`  Thu hồi / revocation:           ${REVOCATION[s.revocation]}`)
  if (s.kind === 'signature') console.log(`  Mức PAdES / level:              ${s.level ?? '—'}`)
  console.log(`  Sửa sau khi ký / modified after signing: ${s.modifiedAfterSigning ? LATER[s.laterChanges] : LATER.none}`)
  s.problems.forEach((p, j) => console.log(`  ! ${p} / ${s.problemsEn[j]}`))
}

runCli(async () => {
  const args = process.argv.slice(2)
  const file = args.find((a, i) => !a.startsWith('--') && !['--trust', '--crl'].includes(args[i - 1] ?? ''))
  if (!file) {
    console.error(USAGE)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(fs.readFileSync(file))
  } catch {
    console.error(`Không đọc được tệp / cannot read the file: ${file}`)
    return 2
  }

  const anchorFiles = [
    path.join(defaultPkiDir(), 'root-ca.crt'),
    ...(process.env.HOSO_TRUST_ANCHORS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    ...values('--trust'),
  ]
  const trustAnchors: Uint8Array[] = []
  for (const f of anchorFiles) {
    if (!fs.existsSync(f)) {
      if (values('--trust').includes(f)) {
        console.error(`Không có tệp chứng thư gốc / trust anchor not found: ${f}`)
        return 2
      }
      continue
    }
    trustAnchors.push(...fromPemOrDer(new Uint8Array(fs.readFileSync(f))))
  }
  const crls = values('--crl').flatMap((f) => fromPemOrDer(new Uint8Array(fs.readFileSync(f))))

  let report
  try {
    report = await verifyPdf(bytes, { trustAnchors, crls })
  } catch (error) {
    if (error instanceof PdfVerificationInputError) {
      console.error(`${error.vi} / ${error.en}: ${file}`)
      return 2
    }
    throw error
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2))
  } else {
    console.log(`Tệp / file: ${file}  (SHA-256 ${report.sha256})`)
    if (trustAnchors.length === 0) console.log('! Chưa cấu hình chứng thư gốc tin cậy / no trust anchors configured (--trust, HOSO_TRUST_ANCHORS)')
    report.signatures.forEach(print)
    console.log(
      `\n${report.valid ? 'Tất cả chữ ký hợp lệ / all signatures valid' : 'Có chữ ký không hợp lệ / some signature is invalid'} (${report.signatures.length})`,
    )
  }
  return report.valid ? 0 : 1
})
