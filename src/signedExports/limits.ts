/** The largest PDF the public verifier accepts (a CV form with a photo is well under 2 MB). */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024

/** The public verifier's upload route, which the HTTP layer gives its own body limit. */
export const VERIFY_UPLOAD_PATH = '/api/signed-exports/verify'
