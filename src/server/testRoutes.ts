import type express from 'express'

/**
 * Routes mounted only when HOSO_TEST_ROUTES=1 (the graceful-shutdown test needs a request that is
 * still running when SIGTERM arrives). The route only sleeps; deployments never set the flag.
 */
export function testRoutes(app: express.Express): void {
  app.get('/__test/slow', async (req, res) => {
    const ms = Math.min(Number(req.query.ms ?? 2000), 20_000)
    await new Promise((r) => setTimeout(r, ms))
    res.json({ slept: ms })
  })
}
