/**
 * The CPU-heavy PDF work, run in worker threads (src/workers/pools.ts) so that a large or crafted document
 * never stalls the event loop that answers everyone else. Each export is one task; arguments and results
 * cross the thread boundary by structured clone (plain objects and byte arrays).
 */
import type { FormDocument } from '../domain/forms/model'
import { renderForm, type RenderOptions } from '../pdf/render'
import { verifyPdf, type VerifyPdfOptions } from '../signing/verify'

export async function render({ doc, options }: { doc: FormDocument; options: RenderOptions }): Promise<Uint8Array> {
  return renderForm(doc, options)
}

/** A document that cannot be read comes back as `{ unreadable: why }` (errors lose their class across threads). */
export async function verify({ bytes, options }: { bytes: Uint8Array; options: VerifyPdfOptions }) {
  try {
    return { report: await verifyPdf(bytes, options) }
  } catch (err) {
    return { unreadable: (err as Error).message }
  }
}
