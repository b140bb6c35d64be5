/**
 * The allow-list of every route the server answers, each with the rule that governs it. Compared with what the
 * server really serves (Payload's configuration, its GraphQL schema, the Express app, the Next pages) by
 * test/int/routeInventory.test.ts: a route without an entry fails, an entry without a route fails.
 *
 * Payload's built-in operations are listed once (BUILT_IN) by the collection access rule each one runs; each
 * collection then names its access functions (checked against the configuration by name, so a changed rule
 * shows up here) and its own endpoints. Express routes, Next pages and GraphQL operations follow.
 *
 * Nothing here is imported from the application: this file is the reader's version of who may do what.
 */

/** Which collection access rule a built-in operation runs. */
export type AccessKey = 'read' | 'create' | 'update' | 'delete' | 'unlock'

export interface BuiltIn {
  /** The access rule Payload evaluates (null: none — public or decided by a token). */
  access: AccessKey | null
  rule: string
}

const VERSIONS = 'guardRoutes (collections/shared/routeGuards.ts): 404, no versions kept; Payload internal collections: their read rule'

/** Payload 3.90's built-in REST routes, relative to /api/<slug>. */
export const BUILT_IN: Record<string, BuiltIn> = {
  'GET /': { access: 'read', rule: 'find: the read rule as a database Where; field read rules drop fields' },
  'GET /:id': { access: 'read', rule: 'findByID: the read rule as a Where (404 outside it)' },
  'GET /count': { access: 'read', rule: 'count: the read rule as a Where' },
  'POST /': { access: 'create', rule: 'create: the create rule, then field create rules' },
  'PATCH /:id': { access: 'update', rule: 'updateByID: the update rule as a Where, then field update rules (refused fields dropped silently)' },
  'PATCH /': { access: 'update', rule: 'bulk update by `where`: the update rule per document, field update rules per document' },
  'DELETE /:id': { access: 'delete', rule: 'deleteByID: the delete rule as a Where' },
  'DELETE /': { access: 'delete', rule: 'bulk delete by `where`: the delete rule per document' },
  'POST /:id/duplicate': {
    access: 'create',
    rule: 'duplicate: create rule on the copy; Payload reads the source with overrideAccess and hidden fields (stack-notes) — off unless listed as on',
  },
  'POST /access/:id?': { access: null, rule: "docAccess: evaluates this collection's rules for the caller; returns booleans only" },
  'GET /versions': { access: null, rule: VERSIONS },
  'GET /versions/:id': { access: null, rule: VERSIONS },
  'POST /versions/:id': { access: null, rule: VERSIONS },
}

/** Built-in routes of an auth collection (accounts). */
export const AUTH_BUILT_IN: Record<string, BuiltIn> = {
  'POST /login': { access: null, rule: 'public: password check; disabled accounts refused (hooks/accounts), audited' },
  'POST /logout': { access: null, rule: 'the caller\'s own session' },
  'GET /me': { access: null, rule: 'the caller\'s own account, field read rules apply' },
  'POST /refresh-token': { access: null, rule: 'the caller\'s own session; field read rules apply to the returned user' },
  'GET /init': { access: null, rule: 'public: whether any account exists (true/false only)' },
  'POST /first-register': { access: null, rule: 'public only while no account exists; the first account is sysadmin (hooks/accounts)' },
  'POST /forgot-password': { access: null, rule: 'public: sends a reset link to the account\'s own address; same answer for unknown e-mails' },
  'POST /reset-password': { access: null, rule: 'token from the e-mailed link; password policy (hooks/accounts)' },
  'POST /unlock': { access: 'unlock', rule: 'unlock access' },
  'POST /verify/:id': { access: null, rule: 'token from the e-mailed link (verification is off: 4xx)' },
}

/** Built-in routes of an upload collection (photos). */
export const UPLOAD_BUILT_IN: Record<string, BuiltIn> = {
  'GET /file/:filename': { access: 'read', rule: 'the file of a readable row only (read rule as a Where on the filename)' },
  'GET /paste-url/:id?': { access: null, rule: "400: pasteURL is not enabled (Payload's getFileFromURL); a create with a url is refused by hooks/photos/noFileFromUrl.ts" },
}

export interface CollectionRules {
  /** The names of the access functions the collection uses (checked against the configuration). */
  access: Partial<Record<AccessKey, string>>
  /** Where those functions live. */
  file: string
  auth?: true
  upload?: true
  /** Payload's duplicate: listed as on only where it is a real need. */
  duplicate: 'on' | 'off'
  /** GraphQL names (Payload's: singular, plural). */
  graphQL: [string, string]
  /** The collection's own endpoints, 'METHOD /path' → rule. */
  endpoints?: Record<string, string>
  /** No REST route at all (`endpoints: false`). */
  noRest?: true
}

const HISTORY: Omit<CollectionRules, 'graphQL'> = {
  access: { read: 'readHistoryRows', create: 'createHistoryInScope', update: 'updateHistoryRows', delete: 'updateHistoryRows' },
  file: 'access/historyRows.ts (rows follow their staff record: read scope, update scope; sensitive fields per access/sensitiveFields.ts)',
  duplicate: 'off',
}
const REFERENCE: Omit<CollectionRules, 'graphQL'> = {
  access: { read: 'isLoggedIn', create: 'organisationManagers', update: 'organisationManagers', delete: 'organisationManagers' },
  file: 'access/isLoggedIn.ts, access/organisationManagers.ts (reference data: any account reads, sysadmin or ministry HR changes)',
  duplicate: 'off',
}
const PAYLOAD_INTERNAL = 'Payload internal collection'

export const COLLECTION_RULES: Record<string, CollectionRules> = {
  units: {
    ...REFERENCE,
    file: 'access/isLoggedIn.ts, access/organisationManagers.ts (the unit tree: any account reads; sysadmin or ministry HR changes)',
    graphQL: ['Unit', 'Units'],
  },
  staff: {
    access: { read: 'readStaffRecords', create: 'createStaffInScope', update: 'updateStaffRecords', delete: 'ministryHrOnly' },
    file: 'access/staffRecords.ts, access/createInScope.ts (own record, unit subtree by duty, approved in-date grants); access/sensitiveFields.ts (sensitive items by duty only, second factor)',
    duplicate: 'off',
    graphQL: ['StaffRecord', 'StaffRecords'],
    endpoints: {
      'GET /search': 'collections/Staff/endpoints/search.ts: the caller\'s read scope inside the SQL',
      'GET /list': 'collections/Staff/endpoints/list.ts: the caller\'s read scope inside the SQL; sensitive columns by duty',
      'GET /list-filter-options': 'collections/Staff/endpoints/listFilterOptions.ts: units of the read scope, distinct values read with overrideAccess false',
      'GET /:id/2c.pdf': 'collections/Staff/endpoints/print.ts: 401 without sign-in, 404 outside the read scope; items per field read rules',
      'GET /:id/review.pdf': 'collections/Staff/endpoints/print.ts: 401 without sign-in, 404 outside the read scope; items per field read rules',
      'GET /import/template.xlsx': 'collections/Staff/endpoints/importExport.ts: HR officers only (401/403); sensitive columns for those who write them by duty',
      'GET /export.xlsx': 'collections/Staff/endpoints/importExport.ts: the staff list\'s filters within the caller\'s read scope (403 without one); records loaded with the reader\'s access, sensitive items by duty; audited read and export',
      'POST /import': 'collections/Staff/endpoints/importExport.ts: HR officers only (401/403); dry run planned within the update scope; CCCD outside it gets the uniform answer (src/import/plan.ts)',
    },
  },
  'training-records': { ...HISTORY, graphQL: ['TrainingRecord', 'TrainingRecords'] },
  'work-history': { ...HISTORY, graphQL: ['WorkHistory', 'WorkHistories'] },
  'salary-history': { ...HISTORY, graphQL: ['SalaryHistory', 'SalaryHistories'] },
  'allowance-history': { ...HISTORY, graphQL: ['AllowanceHistory', 'AllowanceHistories'] },
  awards: { ...HISTORY, graphQL: ['Award', 'Awards'] },
  evaluations: { ...HISTORY, graphQL: ['Evaluation', 'Evaluations'] },
  disciplines: {
    ...HISTORY,
    access: { ...HISTORY.access, read: 'readSensitiveHistoryRows' },
    file: 'access/historyRows.ts (disciplinary measures are sensitive: read only by those who see sensitive items of the record)',
    graphQL: ['Discipline', 'Disciplines'],
  },
  'family-members': { ...HISTORY, graphQL: ['FamilyMember', 'FamilyMembers'] },
  photos: { ...HISTORY, upload: true, graphQL: ['Photo', 'Photos'] },
  codes: { ...REFERENCE, graphQL: ['Code', 'Codes'] },
  ranks: { ...REFERENCE, graphQL: ['Rank', 'Ranks'] },
  accounts: {
    access: { read: 'selfOrSysadmin', create: 'sysadminOnly', update: 'selfOrSysadmin', delete: 'sysadminOnly', unlock: 'sysadminOnly' },
    file: 'access/selfOrSysadmin.ts, access/isSysadmin.ts; hooks/accounts (role changes wait for a second person)',
    auth: true,
    duplicate: 'off',
    graphQL: ['Account', 'Accounts'],
    endpoints: {
      'POST /issue': 'collections/Accounts/endpoints/issue.ts: sysadmin only (403)',
      'POST /mfa/setup': 'collections/Accounts/endpoints/secondFactor.ts: the caller\'s own account',
      'POST /mfa/verify': 'collections/Accounts/endpoints/secondFactor.ts: the caller\'s own account, throttled',
      'POST /:id/mfa/reset': 'collections/Accounts/endpoints/secondFactor.ts: sysadmin only (403); waits for ministry HR when the account reads personal data (src/accounts/securityRequests.ts)',
      'POST /:id/reset-link': 'collections/Accounts/endpoints/secondFactor.ts: sysadmin only (403); the link goes to the account\'s own address',
    },
  },
  'role-requests': {
    access: { read: 'roleRequestDeciders', create: 'nobody', update: 'roleRequestDeciders', delete: 'nobody' },
    file: 'access/roleRequests.ts (four eyes: decided by someone other than the requester)',
    duplicate: 'off',
    graphQL: ['RoleRequest', 'RoleRequests'],
  },
  'security-requests': {
    access: { read: 'roleRequestDeciders', create: 'nobody', update: 'roleRequestDeciders', delete: 'nobody' },
    file: 'access/roleRequests.ts (four eyes: e-mail changes, second-factor resets, re-enabling, unit moves; decided by ministry HR, never the requester or the holder)',
    duplicate: 'off',
    graphQL: ['SecurityRequest', 'SecurityRequests'],
  },
  decisions: {
    access: { read: 'readDecisions', create: 'createHistoryInScope', update: 'nobody', delete: 'nobody' },
    file: 'access/decisions.ts, access/createInScope.ts (HR-owned: entered within the read-and-update scope by duty; never updated or deleted, revoked by endpoint)',
    duplicate: 'off',
    graphQL: ['Decision', 'Decisions'],
    endpoints: {
      'POST /:id/approve': 'collections/Decisions/endpoints.ts: a second HR officer with authority over the record (src/lifecycle)',
      'POST /:id/revoke': 'collections/Decisions/endpoints.ts: HR with authority over the record, with a reason (src/lifecycle)',
    },
  },
  'import-batches': {
    access: { read: 'readOwnImportBatches', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/importBatches.ts (the HR officer who ran the batch only); written by src/import through the endpoints; the sealed file is hidden',
    duplicate: 'off',
    graphQL: ['ImportBatch', 'ImportBatches'],
    endpoints: {
      'POST /:id/decisions': 'collections/ImportBatches/endpoints.ts: the officer who ran the batch (404 otherwise)',
      'POST /:id/commit': 'collections/ImportBatches/endpoints.ts: the officer who ran the batch (404 otherwise); writes with their access, all or nothing',
      'GET /:id/result.xlsx': 'collections/ImportBatches/endpoints.ts: the officer who ran the batch (404 otherwise)',
    },
  },
  'report-definitions': {
    access: { read: 'ministryHrOnly', create: 'ministryHrOnly', update: 'ministryHrOnly', delete: 'ministryHrOnly' },
    file: 'access/organisationManagers.ts (ministryHrOnly): report definitions as validated JSON (hooks/reports/prepareDefinition.ts); no personal data',
    duplicate: 'off',
    graphQL: ['ReportDefinition', 'ReportDefinitions'],
  },
  'report-editions': {
    access: { read: 'ministryHrOnly', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/organisationManagers.ts, access/nobody.ts: exported report runs written by the server (src/reports/editions.ts); counts, no names',
    duplicate: 'off',
    graphQL: ['ReportEdition', 'ReportEditions'],
  },
  'data-requests': {
    access: { read: 'readDataRequests', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/dataRequests.ts (the person their own; the personal-data officer and ministry HR all; HR by duty those with a correction task for them); writes only through the endpoints',
    duplicate: 'off',
    graphQL: ['DataRequest', 'DataRequests'],
    endpoints: {
      'POST /mine': 'collections/DataRequests/endpoints.ts: the caller files a request about their own record only',
      'POST /paper': 'collections/DataRequests/endpoints.ts: the personal-data officer only (403)',
      'POST /:id/first-reply': 'collections/DataRequests/endpoints.ts: the personal-data officer only (403)',
      'POST /:id/extend': 'collections/DataRequests/endpoints.ts: the personal-data officer only (403); once (src/domain/dataRequests.ts)',
      'POST /:id/close': 'collections/DataRequests/endpoints.ts: the personal-data officer only (403); refusal with basis and reason',
      'POST /:id/correction-done': 'collections/DataRequests/endpoints.ts: HR with authority over the record by duty (403), a request it may read (404)',
      'POST /:id/access': 'collections/DataRequests/endpoints.ts: the personal-data officer asks to read the items of an open request that names them (src/domain/officerAccess.ts)',
      'POST /:id/access/approve': 'collections/DataRequests/endpoints.ts: ministry HR only, never the officer who asked (403)',
      'GET /:id/record': 'collections/DataRequests/endpoints.ts: the officer reads exactly the request\'s items while approved, in date and the request open (403 otherwise); audited with the request as purpose',
    },
  },
  breaches: {
    access: { read: 'breachHandlers', create: 'breachHandlers', update: 'breachHandlers', delete: 'nobody' },
    file: 'access/breaches.ts (the personal-data officer and the system administrator; no personal record in it), access/nobody.ts (never deleted)',
    duplicate: 'off',
    graphQL: ['Breach', 'Breaches'],
    endpoints: { 'GET /:id/notice.pdf': 'collections/Breaches/index.ts: a breach the caller may read (404 otherwise); audited' },
  },
  consents: {
    access: { read: 'readConsents', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/consents.ts (the person their own; the personal-data officer and ministry HR all); writes only through the endpoints',
    duplicate: 'off',
    graphQL: ['Consent', 'Consents'],
    endpoints: {
      'POST /mine': 'collections/Consents/index.ts: the caller consents for their own record only (items of HOSO_CONSENT_ITEMS, explicit agree)',
      'POST /:id/withdraw': 'collections/Consents/index.ts: the caller\'s own consent only (404 otherwise); removes the item from their record',
    },
  },
  'access-grants': {
    access: { read: 'readGrants', create: 'grantManagers', update: 'grantManagers', delete: 'grantManagers' },
    file: 'access/grants.ts (approved by ministry HR, never by the grantee)',
    duplicate: 'off',
    graphQL: ['AccessGrant', 'AccessGrants'],
  },
  'change-requests': {
    access: { read: 'readChangeRequests', create: 'noGenericWrites', update: 'noGenericWrites', delete: 'noGenericWrites' },
    file: 'access/changeRequests.ts (the person and the HR officers over the record); writes only through the endpoints',
    duplicate: 'off',
    graphQL: ['ChangeRequest', 'ChangeRequests'],
    endpoints: {
      'GET /mine': 'collections/ChangeRequests/endpoints.ts: the caller\'s own record',
      'PUT /mine': 'collections/ChangeRequests/endpoints.ts: the caller\'s own record (src/domain/submission.ts)',
      'POST /mine/submit': 'collections/ChangeRequests/endpoints.ts: the caller\'s own record (src/domain/submission.ts)',
      'POST /mine/withdraw': 'collections/ChangeRequests/endpoints.ts: the caller\'s own record',
      'POST /mine/photo': 'collections/ChangeRequests/endpoints.ts: the caller\'s own record',
      'GET /:id/review': 'collections/ChangeRequests/endpoints.ts: HR officers over the record (404 otherwise)',
      'POST /:id/approve': 'collections/ChangeRequests/endpoints.ts: HR officers over the record, not the person (src/domain/submission.ts)',
      'POST /:id/return': 'collections/ChangeRequests/endpoints.ts: HR officers over the record, not the person (src/domain/submission.ts)',
    },
  },
  backups: {
    access: { read: 'sysadminOnly', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/isSysadmin.ts, access/nobody.ts',
    duplicate: 'off',
    graphQL: ['Backup', 'Backups'],
    endpoints: { 'POST /run': 'collections/Backups/endpoints.ts: sysadmin only (403)' },
  },
  'audit-events': {
    access: { read: 'auditorOnly', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/isAuditor.ts, access/nobody.ts (append-only trail)',
    duplicate: 'off',
    graphQL: ['AuditEvent', 'AuditEvents'],
    endpoints: {
      'GET /mine': 'collections/AuditEvents/endpoints/mine.ts: events about the caller\'s own record (401 without sign-in)',
      'GET /export.csv': 'collections/AuditEvents/endpoints/exportCsv.ts: auditor only (401/403)',
      'GET /actors': 'collections/AuditEvents/endpoints/actors.ts: auditor only (401/403)',
    },
  },
  'reminder-sends': {
    access: { read: 'readReminderSends', create: 'noGenericWrites', update: 'noGenericWrites', delete: 'noGenericWrites' },
    file: 'access/reminderSends.ts; writes only through the endpoints',
    duplicate: 'off',
    graphQL: ['ReminderSend', 'ReminderSends'],
    endpoints: {
      'GET /dashboard': 'collections/ReminderSends/endpoints.ts: HR officers, within their unit subtree (403 otherwise)',
      'GET /people': 'collections/ReminderSends/endpoints.ts: HR officers, within their unit subtree (403 otherwise)',
      'GET /export': 'collections/ReminderSends/endpoints.ts: HR officers, within their unit subtree (403 otherwise)',
      'POST /urge': 'collections/ReminderSends/endpoints.ts: HR officers, people of their unit subtree only',
      'GET /preview': 'collections/ReminderSends/endpoints.ts: sysadmin or HR officers',
    },
  },
  'signed-exports': {
    access: { read: 'readSignedExports', create: 'nobody', update: 'nobody', delete: 'nobody' },
    file: 'access/signedExports.ts, access/nobody.ts',
    duplicate: 'off',
    graphQL: ['SignedExport', 'SignedExports'],
    endpoints: {
      'POST /verify': 'collections/SignedExports/verifyEndpoints.ts: public, answers only for a document the caller holds',
      'GET /by-code/:code': 'collections/SignedExports/verifyEndpoints.ts: public verification record (no personal items)',
      'POST /request': 'collections/SignedExports/endpoints.ts: HR officers, records they may read',
      'GET /:id/file.pdf': 'collections/SignedExports/endpoints.ts: the export\'s read rule (findByID, overrideAccess false)',
      'GET /:id/to-be-signed': 'collections/SignedExports/endpoints.ts: HR officers, the export they may read and sign',
      'POST /:id/signature': 'collections/SignedExports/endpoints.ts: HR officers, the export they may read and sign',
    },
  },
  'working-calendar': {
    access: { read: 'isLoggedIn', create: 'ministryHrOnly', update: 'ministryHrOnly', delete: 'ministryHrOnly' },
    file: 'access/isLoggedIn.ts, access/staffRecords.ts (ministryHrOnly)',
    duplicate: 'off',
    graphQL: ['WorkingCalendar', 'WorkingCalendars'],
  },
  'maintenance-windows': {
    access: { read: 'isLoggedIn', create: 'sysadminOnly', update: 'sysadminOnly', delete: 'nobody' },
    file: 'access/isLoggedIn.ts, access/isSysadmin.ts (sysadminOnly), access/nobody.ts: no personal data; announced, never deleted (cancelled or ended early)',
    duplicate: 'off',
    graphQL: ['MaintenanceWindow', 'MaintenanceWindows'],
    endpoints: {
      'POST /:id/approve': 'collections/MaintenanceWindows/endpoints.ts: ministry HR approves a short notice',
      'POST /:id/end': 'collections/MaintenanceWindows/endpoints.ts: a system administrator ends a window in force',
    },
  },
  'payload-kv': {
    access: { read: 'read', create: 'create', update: 'update', delete: 'delete' },
    file: `${PAYLOAD_INTERNAL}: key-value store, access false for every caller`,
    duplicate: 'on',
    graphQL: ['PayloadKv', 'PayloadKvs'],
  },
  'payload-jobs': {
    access: { read: 'read', create: 'create', update: 'update', delete: 'delete' },
    file: `${PAYLOAD_INTERNAL}: jobs queue; payload.config.ts jobs.access (access/jobs.ts: sysadmin only)`,
    duplicate: 'on',
    graphQL: ['PayloadJob', 'PayloadJobs'],
    endpoints: {
      'GET /run': 'access/jobs.ts (jobs.access.run): sysadmin only',
      'GET /handle-schedules': 'access/jobs.ts (jobs.access.queue): sysadmin only',
    },
  },
  'payload-locked-documents': {
    access: { read: 'defaultAccess', create: 'defaultAccess', update: 'defaultAccess', delete: 'defaultAccess' },
    file: `${PAYLOAD_INTERNAL}: document locks of the admin; any signed-in account (holds no personal data)`,
    duplicate: 'on',
    graphQL: ['PayloadLockedDocument', 'PayloadLockedDocuments'],
  },
  'payload-preferences': {
    access: { read: 'preferenceAccess', create: 'defaultAccess', update: 'preferenceAccess', delete: 'preferenceAccess' },
    file: `${PAYLOAD_INTERNAL}: the caller's own admin preferences`,
    duplicate: 'on',
    graphQL: ['PayloadPreference', 'PayloadPreferences'],
    endpoints: {
      'GET /:key': "Payload's preferences endpoint: the signed-in caller's own preference only (Payload's preferences operations match user.id)",
      'POST /:key': "Payload's preferences endpoint: the signed-in caller's own preference only (Payload's preferences operations match user.id)",
      'DELETE /:key': "Payload's preferences endpoint: the signed-in caller's own preference only (Payload's preferences operations match user.id)",
    },
  },
  'payload-migrations': {
    access: { read: 'defaultAccess', create: 'defaultAccess', update: 'defaultAccess', delete: 'defaultAccess' },
    file: `${PAYLOAD_INTERNAL}: migration log (no REST, no GraphQL)`,
    duplicate: 'off',
    noRest: true,
    graphQL: ['', ''],
  },
}

/** Root REST endpoints (/api/<path>). */
export const ROOT_RULES: Record<string, string> = {
  'GET /access': "Payload's access summary for the caller: booleans only",
  'GET /national-sync/outbox':
    'collections/NationalSync/endpoints.ts (src/nationalSync/list.ts): 401 without sign-in; ministry HR and sysadmin only (403), after the second factor; CCCD masked but its last 4 digits; record ids for ministry HR only, an audited read',
  'GET /national-sync/deadlines':
    'collections/NationalSync/endpoints.ts (src/nationalSync/deadlines.ts): 401 without sign-in; unit HR within their unit subtree, ministry HR everywhere (403 otherwise); an audited read',
  'GET /reports': 'staffReadScope: readers of a unit subtree (401/403 otherwise); definitions only (code, title, legal basis), no personal data',
  'GET /reports/:code': 'staffReadScope; counts over the reader\'s subtrees (a chosen unit outside them: 404); sensitive column groups dropped unless maySeeSensitive on every chosen unit; audited (read, or export for xlsx)',
  'GET /reports/:code/cell': 'staffReadScope; the people behind a cell within the row unit in the reader\'s subtrees, named only when in the read scope today (others counted); list columns only; audited read of the people named',
  'GET /my-data.json': "collections/DataRequests/myDataEndpoints.ts: the signed-in person's own data only (401 without sign-in, 404 for an account without a record); audited",
  'GET /my-data.pdf': "collections/DataRequests/myDataEndpoints.ts: the signed-in person's own data only (401 without sign-in, 404 for an account without a record); audited",
}

/** GraphQL operations that belong to no collection. */
export const GRAPHQL_OTHER_RULES: Record<string, string> = {
  'query Access': "Payload's access summary for the caller: booleans only",
}

/**
 * Express's own routes (src/server), in the order they are mounted. `use <name>` is a middleware that may
 * answer by itself; `METHOD path` is a route.
 */
export const EXPRESS_RULES: Record<string, string> = {
  'use result': 'pino-http request log (its middleware is named "result"): path only, no query strings or headers',
  'use clientAddress': 'records the client address for the audit trail; answers nothing',
  'use helmetMiddleware': 'src/server/securityHeaders.ts: headers only',
  'use refuseCrossSiteWrites': 'src/server/crossSite.ts: 403 for a cookie-authenticated change sent from another site',
  'use markCookiesSecure': 'src/server/crossSite.ts: Secure on every cookie over https; answers nothing',
  'use checkBodyLimits': 'src/server/bodyLimits.ts: 413 over the body limits, before any sign-in',
  'GET /healthz': 'src/server/health.ts: public liveness, no data',
  'GET /readyz': 'src/server/health.ts: public readiness, no data',
  'GET /api/status': 'src/server/maintenanceGate.ts: public, the current and next maintenance windows, no personal data',
  'use databaseGate': 'src/server/databaseAvailability.ts: 503 while the database is away',
  'use enforceMaintenance': 'src/server/maintenanceGate.ts: 503 + Retry-After for writes in a read-only window, for all but health and status in a full stop',
  'GET /pki/:file': 'src/server/pkiRoutes.ts: public demo CA certificate and CRL',
  'use serveRestApi': 'src/server/restApi.ts: Payload REST under /api (every collection route above), GraphQL excepted',
  'use nextHandler': 'Next: the pages below, the admin and GraphQL',
}

/** Next routes (src/app), `METHOD path`. */
export const PAGE_RULES: Record<string, string> = {
  'GET /admin/[[...segments]]': 'Payload admin: every view reads through the collection rules above on behalf of the signed-in account',
  'GET /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'POST /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'DELETE /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'PATCH /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'PUT /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'OPTIONS /api/[...slug]': 'shadowed by Express restApi (same Payload REST, same rules)',
  'POST /api/graphql': 'Payload GraphQL: each operation under the collection rules above; cost limit src/graphql/costLimit.ts',
  'OPTIONS /api/graphql': 'CORS preflight',
  'GET /api/graphql-playground': 'Payload playground: off in production (graphQL.disablePlaygroundInProduction)',
  'GET /ho-so-cua-toi': 'src/app/(self): the signed-in person\'s own record (change-requests /mine)',
  'GET /xac-thuc': 'src/app/(self): public verification of a signed export (no personal items)',
  'GET /xac-thuc/[code]': 'src/app/(self): public verification record by QR code (no personal items)',
  'GET /xac-thuc-hai-buoc': 'src/app/(self): second-factor enrolment and check of the signed-in account',
}
