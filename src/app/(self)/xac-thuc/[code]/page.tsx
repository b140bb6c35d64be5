import config from '@payload-config'
import { getPayload } from 'payload'

import { VerifyPdf } from '../../../../components/verify/VerifyPdf'
import { normaliseCode } from '../../../../domain/signing/signedExport'
import { exportByCode } from '../../../../signedExports/publicRecord'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Xác thực văn bản ký số — hoso' }

/** Public: the verification record a signed document's QR code points to, and the upload check. */
export default async function VerifyCodePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const [{ code: raw }, query] = await Promise.all([params, searchParams])
  const lang = query.lang === 'en' ? 'en' : 'vi'
  const code = normaliseCode(decodeURIComponent(raw))
  const record = code ? await exportByCode(await getPayload({ config }), code) : null
  const codeError = record
    ? undefined
    : lang === 'en'
      ? 'No document has this verification code.'
      : 'Không có văn bản nào với mã tra cứu này.'
  return <VerifyPdf lang={lang} record={record} codeError={codeError} />
}
