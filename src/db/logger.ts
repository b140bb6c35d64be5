import pino from 'pino'

/** One JSON logger for the server; never log CCCD, BHXH or tax numbers, passwords, tokens or keys (redacted below as a net). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'hoso' },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
      '*.password',
      '*.token',
      '*.nationalId',
      '*.socialInsuranceNumber',
      '*.taxCode',
      '*.nationalIdIndex',
    ],
    censor: '[redacted]',
  },
})
