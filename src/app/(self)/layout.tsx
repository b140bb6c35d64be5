import config from '@payload-config'
import { getPayload } from 'payload'
import type { ReactNode } from 'react'

import { MaintenanceBanner } from '../../components/maintenance/MaintenanceBanner'

import './self.css'

export const metadata = { title: 'Hồ sơ của tôi — hoso' }
export const viewport = { width: 'device-width', initialScale: 1 }
// The maintenance banner is today's, never the build's.
export const dynamic = 'force-dynamic'

/** Pages for staff themselves (outside the admin): Vietnamese, phone-width first. */
export default async function SelfLayout({ children }: { children: ReactNode }) {
  const payload = await getPayload({ config })
  return (
    <html lang="vi">
      <body>
        <MaintenanceBanner payload={payload} />
        {children}
      </body>
    </html>
  )
}
