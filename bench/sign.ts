/**
 * `npm run bench -- sign [--iterations N] [--batch N]` — signed exports without database or HTTP: the
 * median time to produce one dual-signed sơ yếu lý lịch (render the signed edition of Mẫu 2C, sign it
 * visibly as the competent person and as the managing agency, each with an RFC 3161 timestamp from a
 * local TSA over HTTP on loopback — PAdES B-T), against the render alone measured in the same run
 * (the baseline: what any printed form costs). Also: the same with long-term validation material
 * (DSS + archival document timestamp, B-LTA) and our verifier's check, as the signing job does it;
 * and the throughput of a batch of N documents signed one after another with keys loaded once.
 * Keys: the demo PKI (PKCS#12, RSA 2048) made in a temporary directory.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildForm2C, signedEdition } from '../src/domain/forms'
import { renderFormLaidOut } from '../src/pdf/render'
import { createDemoPki } from '../src/pki/demoPki'
import { LocalTimestampAuthority, startTimestampServer } from '../src/pki/tsa'
import { createSigningServices, signingConfigFromEnv } from '../src/signedExports/context'
import { samplePrintRecord } from '../test/helpers/printRecord'

const round = (x: number) => Math.round(x * 100) / 100
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!)
}
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6

export async function signBench(iterations: number, batch: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-bench-pki-'))
  const { pki } = await createDemoPki({ dir })
  const tsa = await startTimestampServer(await LocalTimestampAuthority.fromP12(pki.p12('tsa'), pki.password))
  const env = { ...process.env, PKI_DIR: dir, HOSO_TSA_URL: tsa.url }
  const dual = createSigningServices({ ...(await signingConfigFromEnv(env)), archival: false })
  const full = createSigningServices({ ...(await signingConfigFromEnv(env)), archival: true })
  const record = samplePrintRecord(10)
  const doc = signedEdition(buildForm2C(record, { managingAgency: 'Bộ Nội vụ', place: 'Hà Nội', date: new Date() }), {
    signerTitleLines: ['TL. Bộ trưởng', 'Vụ trưởng Vụ Tổ chức cán bộ'],
    signerName: 'Nguyễn Văn Hùng',
    code: 'BENC-HMAR-K000',
    url: 'http://localhost:3000/xac-thuc/BENCHMARK000',
  })
  const [person, agency] = await Promise.all([dual.signerFor('person'), dual.signerFor('agency')])
  const [personFull, agencyFull] = await Promise.all([full.signerFor('person'), full.signerFor('agency')])

  const render = () => renderFormLaidOut(doc)
  const signTwice = async (services: typeof dual, p: typeof person, a: typeof agency) => {
    const { bytes, signatureSpace } = await render()
    const now = new Date()
    const one = await services.sign(bytes, 'person', p, signatureSpace!, now)
    return services.sign(one, 'agency', a, signatureSpace!, now)
  }
  const asJob = async () => {
    const signed = await signTwice(full, personFull, agencyFull)
    const final = await full.finish(signed)
    const report = await full.verify(final)
    if (!report.valid) throw new Error('benchmark document did not verify')
    return final
  }

  // Warm-up: fonts, key objects, JIT.
  for (let i = 0; i < 3; i++) {
    await render()
    await signTwice(dual, person, agency)
    await asJob()
  }
  const baseline: number[] = []
  const dualSigned: number[] = []
  const job: number[] = []
  let size = { dual: 0, full: 0 }
  // Interleaved, so that all three see the same machine load.
  for (let i = 0; i < iterations; i++) {
    let t0 = process.hrtime.bigint()
    await render()
    baseline.push(ms(t0))
    t0 = process.hrtime.bigint()
    size.dual = (await signTwice(dual, person, agency)).length
    dualSigned.push(ms(t0))
    t0 = process.hrtime.bigint()
    size.full = (await asJob()).length
    job.push(ms(t0))
  }
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < batch; i++) await signTwice(dual, person, agency)
  const batchMs = ms(t0)

  await Promise.all([dual.close(), full.close(), tsa.close()])
  fs.rmSync(dir, { recursive: true, force: true })
  const stat = (xs: number[]) => ({ medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95) })
  const result = {
    renderBaseline: stat(baseline),
    dualSignedBT: { ...stat(dualSigned), ratioToRender: round(quantile(dualSigned, 0.5) / quantile(baseline, 0.5)), bytes: size.dual },
    jobWithLtaAndVerify: { ...stat(job), ratioToRender: round(quantile(job, 0.5) / quantile(baseline, 0.5)), bytes: size.full },
    batch: { documents: batch, seconds: round(batchMs / 1000), documentsPerSecond: round(batch / (batchMs / 1000)) },
    targetMs: 400,
  }
  console.log(
    `render ${result.renderBaseline.medianMs} ms · dual-signed B-T ${result.dualSignedBT.medianMs} ms (p95 ${result.dualSignedBT.p95Ms}, ×${result.dualSignedBT.ratioToRender}) · ` +
      `with DSS + archival timestamp + verification ${result.jobWithLtaAndVerify.medianMs} ms · batch of ${batch}: ${result.batch.seconds} s (${result.batch.documentsPerSecond}/s)`,
  )
  return result
}
