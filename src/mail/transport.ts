import type { NodemailerAdapterArgs } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

/**
 * SMTP settings from the environment. Without SMTP_HOST, messages are rendered to JSON and logged
 * (Payload's default would contact an online test-account service, which fails offline).
 */
export function emailTransport(): NodemailerAdapterArgs {
  const from = {
    defaultFromAddress: process.env.MAIL_FROM ?? 'hoso@hoso.local',
    defaultFromName: process.env.MAIL_FROM_NAME ?? 'Hồ sơ cán bộ (hoso)',
  }
  const host = process.env.SMTP_HOST
  if (!host) return { ...from, skipVerify: true, transport: nodemailer.createTransport({ jsonTransport: true }) }
  return {
    ...from,
    skipVerify: process.env.SMTP_SKIP_VERIFY === 'true',
    transport: nodemailer.createTransport({
      host,
      port: Number(process.env.SMTP_PORT ?? 587),
      secure: process.env.SMTP_SECURE === 'true',
      auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } : undefined,
    }),
  }
}
