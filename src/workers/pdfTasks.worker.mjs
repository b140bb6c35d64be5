// The worker threads' entry (src/workers/pools.ts). Node 20 does not carry the parent's module hooks (tsx, which
// runs the server's TypeScript) into worker threads, so each thread registers tsx itself, then loads the tasks.
import { register } from 'tsx/esm/api'

register()
const tasks = await import('./pdfTasks.ts')

export const render = tasks.render
export const verify = tasks.verify
