/**
 * `npm run pki:demo [-- --force] [--dir <dir>] [--base-url <url>] [--ecdsa]`: creates the demo PKI in
 * `.pki/` (or PKI_DIR), or keeps the one already there.
 */
import { runCli } from '../../server/cli/run'
import { createDemoPki, DEMO_IDENTITIES } from '../demoPki'

const DESCRIPTIONS: Record<string, string> = {
  person: 'người có thẩm quyền / competent person',
  seal: 'con dấu cơ quan / agency seal',
  tsa: 'máy chủ dấu thời gian / timestamp authority',
  expired: 'chứng thư đã hết hạn / expired certificate (must be refused)',
  revoked: 'chứng thư đã bị thu hồi / revoked certificate (must be refused)',
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

runCli(async () => {
  const force = process.argv.includes('--force')
  const dir = argValue('--dir')
  const baseUrl = argValue('--base-url')
  const { pki, created } = await createDemoPki({
    force,
    ...(dir ? { dir } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    keyAlgorithm: process.argv.includes('--ecdsa') ? 'ECDSA' : 'RSA',
  })
  const m = pki.manifest
  console.log(
    created
      ? `Đã tạo PKI demo / demo PKI created in ${pki.dir} (${m.keyAlgorithm === 'RSA' ? 'RSA 2048' : 'ECDSA P-256'}, SHA-256)`
      : `Giữ nguyên PKI demo có sẵn / kept the existing demo PKI in ${pki.dir} (tạo lại / recreate: --force)`,
  )
  console.log(`  root-ca.crt      ${m.rootCa.subject}, hết hạn / expires ${m.rootCa.notAfter.slice(0, 10)}`)
  console.log(`  issuing-ca.crt   ${m.issuingCa.subject}, hết hạn / expires ${m.issuingCa.notAfter.slice(0, 10)}`)
  console.log(`  issuing-ca.crl, root-ca.crl  (thu hồi / revoked: ${m.revokedSerials.join(', ')})`)
  for (const id of DEMO_IDENTITIES) {
    const c = m.identities[id]
    console.log(`  ${c.file.padEnd(16)} ${DESCRIPTIONS[id]}: ${c.subject}`)
  }
  console.log(`  ${m.passwordFile.padEnd(16)} mật khẩu các tệp .p12 / password of the .p12 files (mode 0600)`)
  console.log(`  CRL/AIA: ${m.baseUrl}/…`)
  console.log('Chỉ dùng để thử nghiệm, không dùng cho văn bản thật / for testing only, never for real documents.')
  return 0
})
