/**
 * Every route the server answers has a rule (test/access/routeRules.ts), and every rule has a route.
 * The routes are derived, not listed: Payload's sanitized configuration (each collection's REST endpoints,
 * built-in and own, globals, root endpoints), the GraphQL schema Payload builds from it (every query and
 * mutation), the layers of the Express app (src/server/app.ts) and the Next routes under src/app.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { configToSchema } from '@payloadcms/graphql'
import { formatNames, toWords, type Payload, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { expressApp } from '../../src/server/app'
import {
  AUTH_BUILT_IN,
  BUILT_IN,
  COLLECTION_RULES,
  EXPRESS_RULES,
  GRAPHQL_OTHER_RULES,
  PAGE_RULES,
  ROOT_RULES,
  UPLOAD_BUILT_IN,
  type BuiltIn,
  type CollectionRules,
} from '../access/routeRules'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let config: SanitizedConfig

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ??= 'integration-test-secret'
  config = await (await import('../../payload.config')).default
})

/** Differences between what is served and what is listed, as readable lines ('' when none). */
function compare(kind: string, served: Iterable<string>, listed: Iterable<string>): string[] {
  const s = new Set(served)
  const l = new Set(listed)
  return [
    ...[...s].filter((r) => !l.has(r)).map((r) => `${kind}: ${r} is served but has no rule in test/access/routeRules.ts`),
    ...[...l].filter((r) => !s.has(r)).map((r) => `${kind}: ${r} has a rule but is not served (stale entry)`),
  ]
}

const restKey = (method: string, p: string) => `${method.toUpperCase()} ${p}`

/** The rule of one route of a collection, from the built-in tables and the collection's own entries. */
function ruleFor(c: SanitizedCollectionConfig, rules: CollectionRules, route: string): string | undefined {
  const builtIn: BuiltIn | undefined =
    BUILT_IN[route] ?? (rules.auth ? AUTH_BUILT_IN[route] : undefined) ?? (rules.upload ? UPLOAD_BUILT_IN[route] : undefined)
  if (route === 'POST /:id/duplicate' && rules.duplicate !== 'on') return undefined
  if (builtIn) return builtIn.access ? `${builtIn.access}: ${rules.access[builtIn.access]} (${rules.file}) — ${builtIn.rule}` : builtIn.rule
  return rules.endpoints?.[route]
}

/** The routes a collection's rules expect: the built-ins that apply, plus its own endpoints. */
function expectedRoutes(rules: CollectionRules): string[] {
  if (rules.noRest) return []
  return [
    ...Object.keys(BUILT_IN).filter((r) => r !== 'POST /:id/duplicate' || rules.duplicate === 'on'),
    ...(rules.auth ? Object.keys(AUTH_BUILT_IN) : []),
    ...(rules.upload ? Object.keys(UPLOAD_BUILT_IN) : []),
    ...Object.keys(rules.endpoints ?? {}),
  ]
}

export interface RouteEntry {
  route: string
  rule: string
}

function restInventory(): { routes: RouteEntry[]; problems: string[] } {
  const routes: RouteEntry[] = []
  const problems: string[] = []
  const api = config.routes.api
  problems.push(...compare('collection', config.collections.map((c) => c.slug), Object.keys(COLLECTION_RULES)))
  for (const c of config.collections) {
    const rules = COLLECTION_RULES[c.slug]
    if (!rules) continue
    const served = [...new Set((c.endpoints || []).map((e) => restKey(e.method, e.path)))]
    problems.push(...compare(`/api/${c.slug}`, served, expectedRoutes(rules)))
    for (const route of served) {
      const rule = ruleFor(c, rules, route)
      if (rule) routes.push({ route: route.replace(' ', ` ${api}/${c.slug}`).replace(/\/$/, ''), rule })
    }
    // The access functions named in the rules are the ones the collection runs.
    for (const [key, name] of Object.entries(rules.access)) {
      const fn = (c.access as Record<string, unknown>)[key] as { name?: string } | undefined
      if (fn?.name !== name) problems.push(`/api/${c.slug}: access.${key} is ${fn?.name ?? 'absent'}, the rules name ${name}`)
    }
    if (Boolean(c.auth) !== Boolean(rules.auth)) problems.push(`/api/${c.slug}: auth collection ${Boolean(c.auth)}, the rules say ${Boolean(rules.auth)}`)
    if (Boolean(c.upload) !== Boolean(rules.upload)) problems.push(`/api/${c.slug}: upload collection ${Boolean(c.upload)}, the rules say ${Boolean(rules.upload)}`)
  }
  for (const g of config.globals) problems.push(`global ${g.slug} is served but has no rule in test/access/routeRules.ts`)
  const rootRoutes = (config.endpoints || []).map((e) => restKey(e.method, e.path))
  problems.push(...compare('/api', rootRoutes, Object.keys(ROOT_RULES)))
  for (const r of rootRoutes) if (ROOT_RULES[r]) routes.push({ route: r.replace(' ', ` ${api}`), rule: ROOT_RULES[r]! })
  return { routes, problems }
}

/** Payload's GraphQL names for a collection (as @payloadcms/graphql's initCollections builds them). */
function graphQLNames(c: SanitizedCollectionConfig): { singular: string; plural: string } {
  const graphQL = (c.graphQL || {}) as { singularName?: string; pluralName?: string }
  const fromSlug = formatNames(c.slug)
  const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  let plural = graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  if (singular === plural) plural = `all${singular}`
  return { singular, plural }
}

/** GraphQL operation → the REST route whose rule governs it. */
const GRAPHQL_OPERATIONS: Array<[kind: 'query' | 'mutation', name: (s: string, p: string) => string, route: string]> = [
  ['query', (s) => s, 'GET /:id'],
  ['query', (_s, p) => p, 'GET /'],
  ['query', (_s, p) => `count${p}`, 'GET /count'],
  ['query', (s) => `docAccess${s}`, 'POST /access/:id?'],
  ['query', (s) => `me${s}`, 'GET /me'],
  ['query', (s) => `initialized${s}`, 'GET /init'],
  ['mutation', (s) => `create${s}`, 'POST /'],
  ['mutation', (s) => `update${s}`, 'PATCH /:id'],
  ['mutation', (s) => `delete${s}`, 'DELETE /:id'],
  ['mutation', (s) => `duplicate${s}`, 'POST /:id/duplicate'],
  ['mutation', (s) => `refreshToken${s}`, 'POST /refresh-token'],
  ['mutation', (s) => `logout${s}`, 'POST /logout'],
  ['mutation', (s) => `unlock${s}`, 'POST /unlock'],
  ['mutation', (s) => `login${s}`, 'POST /login'],
  ['mutation', (s) => `forgotPassword${s}`, 'POST /forgot-password'],
  ['mutation', (s) => `resetPassword${s}`, 'POST /reset-password'],
  ['mutation', (s) => `verifyEmail${s}`, 'POST /verify/:id'],
]

function graphQLInventory(): { routes: RouteEntry[]; problems: string[] } {
  const { schema } = configToSchema(config)
  const served = [
    ...Object.keys(schema.getQueryType()!.getFields()).map((n) => `query ${n}`),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((n) => `mutation ${n}`),
  ]
  const listed = new Map<string, string>(Object.entries(GRAPHQL_OTHER_RULES))
  const problems: string[] = []
  for (const c of config.collections) {
    const rules = COLLECTION_RULES[c.slug]
    if (!rules || c.graphQL === false) continue
    const { singular, plural } = graphQLNames(c)
    if (rules.graphQL[0] !== singular || rules.graphQL[1] !== plural) {
      problems.push(`GraphQL names of ${c.slug}: ${singular}/${plural}, the rules say ${rules.graphQL.join('/')}`)
    }
    for (const [kind, name, route] of GRAPHQL_OPERATIONS) {
      // Payload adds the unlock mutation only to a collection with its per-account lockout (off for accounts).
      if (route === 'POST /unlock' && !(typeof c.auth === 'object' && c.auth.maxLoginAttempts)) continue
      // GraphQL has no duplicate where REST has none, and the same auth operations as REST.
      const rule = ruleFor(c, rules, route) ?? (route === 'POST /:id/duplicate' ? rules.endpoints?.[route] : undefined)
      const op = `${kind} ${name(rules.graphQL[0], rules.graphQL[1])}`
      if (rule) listed.set(op, `as ${route}: ${rule}`)
      else if (route === 'POST /:id/duplicate' && served.includes(op)) listed.set(op, 'duplicate is off in REST but GraphQL serves it')
    }
  }
  problems.push(...compare('GraphQL', served, listed.keys()))
  // A duplicate mutation is a route like any other: it needs the collection's duplicate listed as on.
  for (const op of served) {
    if (listed.get(op) === 'duplicate is off in REST but GraphQL serves it') problems.push(`GraphQL: ${op} is served though the rules say duplicate is off`)
  }
  return { routes: served.filter((op) => listed.has(op)).map((op) => ({ route: op, rule: listed.get(op)! })), problems }
}

interface Layer {
  name: string
  route?: { path: string; methods: Record<string, boolean> }
  handle: { stack?: Layer[]; name?: string }
}

function expressInventory(): { routes: RouteEntry[]; problems: string[] } {
  const stubDatabase = {
    available: true,
    check: async () => true,
    markDown: () => {},
    markUp: () => {},
    gate: () =>
      function databaseGate(_req: unknown, _res: unknown, next: () => void) {
        next()
      },
    stop: () => {},
  }
  const app = expressApp(
    { payload: { config } as unknown as Payload, dev: false, database: stubDatabase },
    { shuttingDown: false },
    function nextHandler() {},
  )
  const served: string[] = []
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') served.push(`${m.toUpperCase()} ${layer.route.path}`)
      } else if (layer.handle.stack) walk(layer.handle.stack)
      else served.push(`use ${layer.handle.name || layer.name || 'anonymous'}`)
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack)
  // HEAD is answered by every GET route.
  const routes = served.filter((r) => !r.startsWith('HEAD '))
  return { routes: routes.filter((r) => EXPRESS_RULES[r]).map((r) => ({ route: r, rule: EXPRESS_RULES[r]! })), problems: compare('Express', routes, Object.keys(EXPRESS_RULES)) }
}

function pagesInventory(): { routes: RouteEntry[]; problems: string[] } {
  const appDir = path.join(root, 'src/app')
  const served: string[] = []
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name])
      else if (/^page\.(t|j)sx?$/.test(entry.name)) served.push(`GET /${segments.join('/')}`)
      else if (/^route\.(t|j)sx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8')
        for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g)) served.push(`${m[1]} /${segments.join('/')}`)
      }
    }
  }
  walk(appDir, [])
  return { routes: served.filter((r) => PAGE_RULES[r]).map((r) => ({ route: r, rule: PAGE_RULES[r]! })), problems: compare('Next', served, Object.keys(PAGE_RULES)) }
}

/** Files a rule names (`access/x.ts`, `collections/…/y.ts`) exist: a rule points at code a reader can open. */
function namedFilesExist(rules: string[]): string[] {
  const missing = new Set<string>()
  for (const rule of rules) {
    for (const m of rule.matchAll(/\b((?:access|collections|hooks|src)\/[\w/.()-]+?\.tsx?)\b/g)) {
      if (!fs.existsSync(path.join(root, m[1]!))) missing.add(`a rule names ${m[1]}, which does not exist`)
    }
  }
  return [...missing]
}

describe('route inventory', () => {
  test('every REST route of every collection, global and root endpoint has a rule, and every rule a route', () => {
    const { routes, problems } = restInventory()
    expect(problems).toEqual([])
    // Sanity: the derivation found the routes the findings were about.
    for (const r of ['PATCH /api/accounts', 'PATCH /api/accounts/:id', 'POST /api/accounts/:id/mfa/reset', 'GET /api/signed-exports/:id/file.pdf', 'PATCH /api/units/:id', 'POST /api/accounts/unlock', 'GET /api/photos/file/:filename']) {
      expect(routes.map((x) => x.route)).toContain(r)
    }
    expect(routes.length).toBeGreaterThan(300)
    expect(namedFilesExist(routes.map((r) => r.rule))).toEqual([])
  })

  test('every GraphQL query and mutation has a rule, and every rule an operation', () => {
    const { routes, problems } = graphQLInventory()
    expect(problems).toEqual([])
    expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['query StaffRecords', 'mutation updateAccount', 'query Access']))
    expect(routes.length).toBeGreaterThan(200)
  })

  test('every layer of the Express app has a rule, and every rule a layer', () => {
    const { routes, problems } = expressInventory()
    expect(problems).toEqual([])
    expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['GET /healthz', 'GET /pki/:file', 'use serveRestApi']))
    expect(namedFilesExist(routes.map((r) => r.rule))).toEqual([])
  })

  test('every Next page and route handler has a rule, and every rule a page', () => {
    const { routes, problems } = pagesInventory()
    expect(problems).toEqual([])
    expect(routes.length).toBeGreaterThan(5)
    expect(namedFilesExist(routes.map((r) => r.rule))).toEqual([])
  })

  test('a route added without a rule fails, and so does a rule left behind', () => {
    expect(compare('x', ['GET /a', 'POST /new'], ['GET /a', 'GET /gone'])).toEqual([
      'x: POST /new is served but has no rule in test/access/routeRules.ts',
      'x: GET /gone has a rule but is not served (stale entry)',
    ])
    const staff = config.collections.find((c) => c.slug === 'staff')!
    const withExtra = { ...staff, endpoints: [...(staff.endpoints || []), { path: '/export-all', method: 'get' as const, handler: () => new Response() }] }
    const served = [...new Set(withExtra.endpoints.map((e) => restKey(e.method, e.path)))]
    expect(compare('/api/staff', served, expectedRoutes(COLLECTION_RULES.staff!))).toEqual([
      '/api/staff: GET /export-all is served but has no rule in test/access/routeRules.ts',
    ])
  })
})
