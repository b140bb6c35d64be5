import { VerifyPdf } from '../../../components/verify/VerifyPdf'

export const metadata = { title: 'Xác thực văn bản ký số — hoso' }

/** Public: anyone checks a signed PDF (no sign-in). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams
  return <VerifyPdf lang={params.lang === 'en' ? 'en' : 'vi'} />
}
