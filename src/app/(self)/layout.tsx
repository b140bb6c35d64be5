import type { ReactNode } from 'react'

import './self.css'

export const metadata = { title: 'Hồ sơ của tôi — hoso' }
export const viewport = { width: 'device-width', initialScale: 1 }

/** Pages for staff themselves (outside the admin): Vietnamese, phone-width first. */
export default function SelfLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  )
}
