/** The Excel import's upload route, which the HTTP layer gives its own body limit (src/server/bodyLimits.ts). */
export const IMPORT_UPLOAD_PATH = '/api/staff/import'

/** The largest workbook read (10 000 records with their histories are about 6 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024
