import type { TaskConfig } from 'payload'

import { processExport } from '../../src/signedExports/pipeline'
import { signingServices } from '../../src/signedExports/context'
import { SIGN_QUEUE, SIGN_TASK } from '../../src/signedExports/service'

/**
 * Payload job task: takes one signed export as far as it can go — rendered, signed by the competent
 * person, signed by the managing agency, verified, stored — or to waiting for an external signer.
 * Refusals (an expired or revoked certificate …) mark the export failed and are not retried.
 */
export const signExportTask: TaskConfig<{ input: { exportId: number }; output: { status: string } }> = {
  slug: SIGN_TASK,
  label: 'Ký số văn bản / Sign export',
  retries: 1,
  inputSchema: [{ name: 'exportId', type: 'number', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  handler: async ({ input, req }) => {
    const status = await processExport(req.payload, input.exportId, await signingServices())
    return { output: { status } }
  },
}

export { SIGN_QUEUE }
