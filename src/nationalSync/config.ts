import fs from 'node:fs'

import { DEFAULT_RETRY, type RetryPolicy } from '../domain/nationalSync'
import { loadSigner } from '../signing/loadSigner'
import { fileBundleAdapter } from './adapters/fileBundle'
import { httpJsonAdapter } from './adapters/httpJson'
import type { NationalSyncAdapter } from './adapters/types'
import { wireFormat } from './wireFormat'

type Env = NodeJS.ProcessEnv

const num = (v: string | undefined, fallback: number) => (v != null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback)
const secret = (env: Env, name: string) => env[name] ?? (env[`${name}_FILE`] ? fs.readFileSync(env[`${name}_FILE`]!, 'utf8').trim() : null)

/** Retry policy from HOSO_NATIONAL_SYNC_RETRY_BASE_MS, _RETRY_MAX_MS, _MAX_ATTEMPTS (defaults: 30 s, 1 h, 50). */
export function retryPolicy(env: Env = process.env): RetryPolicy {
  return {
    baseMs: num(env.HOSO_NATIONAL_SYNC_RETRY_BASE_MS, DEFAULT_RETRY.baseMs),
    maxMs: num(env.HOSO_NATIONAL_SYNC_RETRY_MAX_MS, DEFAULT_RETRY.maxMs),
    maxAttempts: num(env.HOSO_NATIONAL_SYNC_MAX_ATTEMPTS, DEFAULT_RETRY.maxAttempts),
  }
}

/**
 * The adapter HOSO_NATIONAL_SYNC_ADAPTER names, or null when the sync is off (the default: entries accumulate in
 * the outbox and are sent once an adapter is configured).
 * - http-json: HOSO_NATIONAL_SYNC_URL; HOSO_NATIONAL_SYNC_TOKEN[_FILE] or HOSO_NATIONAL_SYNC_USER + _PASSWORD[_FILE];
 *   HOSO_NATIONAL_SYNC_CLIENT_CERT / _CLIENT_KEY / _CA (PEM files, mutual TLS); HOSO_NATIONAL_SYNC_TIMEOUT_MS.
 * - file-bundle: HOSO_NATIONAL_SYNC_BUNDLE_DIR; signed by the agency's signer unless HOSO_NATIONAL_SYNC_BUNDLE_SIGN=false.
 * Both: HOSO_NATIONAL_SYNC_FORMAT (default hoso-json/1), HOSO_NATIONAL_SYNC_AGENCY (the agency's code, when known).
 */
export function adapterFromEnv(env: Env = process.env): NationalSyncAdapter | null {
  const name = env.HOSO_NATIONAL_SYNC_ADAPTER ?? 'off'
  if (name === 'off' || name === '') return null
  const format = wireFormat(env.HOSO_NATIONAL_SYNC_FORMAT ?? 'hoso-json/1')
  const agencyCode = env.HOSO_NATIONAL_SYNC_AGENCY ?? null
  if (name === 'http-json') {
    if (!env.HOSO_NATIONAL_SYNC_URL) throw new Error('HOSO_NATIONAL_SYNC_URL chưa được đặt / HOSO_NATIONAL_SYNC_URL is not set')
    return httpJsonAdapter({
      url: env.HOSO_NATIONAL_SYNC_URL,
      format,
      agencyCode,
      token: secret(env, 'HOSO_NATIONAL_SYNC_TOKEN'),
      username: env.HOSO_NATIONAL_SYNC_USER ?? null,
      password: secret(env, 'HOSO_NATIONAL_SYNC_PASSWORD'),
      clientCertFile: env.HOSO_NATIONAL_SYNC_CLIENT_CERT ?? null,
      clientKeyFile: env.HOSO_NATIONAL_SYNC_CLIENT_KEY ?? null,
      caFile: env.HOSO_NATIONAL_SYNC_CA ?? null,
      timeoutMs: num(env.HOSO_NATIONAL_SYNC_TIMEOUT_MS, 30_000),
    })
  }
  if (name === 'file-bundle') {
    if (!env.HOSO_NATIONAL_SYNC_BUNDLE_DIR) throw new Error('HOSO_NATIONAL_SYNC_BUNDLE_DIR chưa được đặt / HOSO_NATIONAL_SYNC_BUNDLE_DIR is not set')
    // Signed by the agency (HOSO_SIGNER_AGENCY, or the demo PKI) unless HOSO_NATIONAL_SYNC_BUNDLE_SIGN=false.
    const sign = env.HOSO_NATIONAL_SYNC_BUNDLE_SIGN !== 'false'
    return fileBundleAdapter({ dir: env.HOSO_NATIONAL_SYNC_BUNDLE_DIR, format, agencyCode, signer: sign ? () => loadSigner('agency', env) : undefined })
  }
  throw new Error(`HOSO_NATIONAL_SYNC_ADAPTER: "${name}" không có / unknown adapter "${name}" (http-json, file-bundle, off)`)
}
