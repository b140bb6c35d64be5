/**
 * A signing failure the user (or the operator configuring key custody) can act on: Vietnamese first, English
 * after, as every hoso error. Never carries a password, PIN or key material — callers pass only the file
 * name, the variable name or the token label.
 */
export class SigningError extends Error {
  readonly code: string
  readonly vi: string
  readonly en: string

  constructor(code: string, vi: string, en: string, options?: { cause?: unknown }) {
    super(`${vi} / ${en}`, options)
    this.name = 'SigningError'
    this.code = code
    this.vi = vi
    this.en = en
  }
}
