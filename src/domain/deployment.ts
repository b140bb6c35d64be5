/**
 * Whether this is a real deployment (HOSO_DEPLOYMENT=production), as opposed to a trial or development copy.
 * Only a deployment refuses demo data and demo accounts (unless HOSO_ALLOW_DEMO=true), keys generated on first
 * start (session secret, data key, backup key) and the demo PKI found by default. This is not NODE_ENV: `npm start`
 * serves Next's production build on a newcomer's machine too, with demo data.
 */
export function isProductionDeployment(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.HOSO_DEPLOYMENT === 'production'
}
