import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { requiresSecondFactor } from '../../src/accounts/mfa'
import { ROLE_OPTIONS } from '../../src/accounts/roleOptions'
import { splitRoleChange } from '../../src/domain/roleChanges'
import { ROLE_CLASSIFICATIONS, ROLE_LABELS, ROLES } from '../../src/domain/roles'
import { DEMO_ACCOUNTS } from '../../src/seed/seed'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The values of a PostgreSQL enum after every migration's `up` (CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE). */
function enumAfterMigrations(name: string): Set<string> {
  const values = new Set<string>()
  const dir = path.join(root, 'migrations')
  for (const file of fs.readdirSync(dir).filter((f) => /^\d{8}_\d{6}_.+\.ts$/.test(f)).sort()) {
    const up = fs.readFileSync(path.join(dir, file), 'utf8').split(/export async function down/)[0]!
    const created = new RegExp(`"${name}" AS ENUM\\(([^)]*)\\)`).exec(up)
    if (created) {
      values.clear()
      for (const m of created[1]!.matchAll(/'([^']+)'/g)) values.add(m[1]!)
    }
    for (const m of up.matchAll(new RegExp(`"${name}" ADD VALUE '([^']+)'`, 'g'))) values.add(m[1]!)
  }
  return values
}

describe('every role in every list', () => {
  it('knows the eight roles, the two of this wave included', () => {
    expect(ROLES).toEqual(expect.arrayContaining(['data-protection-officer', 'archivist']))
    expect(ROLES).toHaveLength(8)
  })

  const classifications = Object.entries(ROLE_CLASSIFICATIONS)
  it.each(classifications)('puts each role in exactly one class of the %s list', (_list, classes) => {
    const entries = Object.values(classes)
    expect(entries.length).toBeGreaterThan(1)
    for (const role of ROLES) expect(entries.filter((members) => members.includes(role)).length).toBe(1)
    // …and nothing that is not a role.
    for (const members of entries) for (const r of members) expect(ROLES).toContain(r)
  })

  it.each(ROLES.map((r) => [r]))('%s has a Vietnamese and English label in the admin', (role) => {
    const option = ROLE_OPTIONS.find((o) => o.value === role)
    expect(option?.label.vi).toBe(ROLE_LABELS[role].vi)
    expect(option!.label.vi.length).toBeGreaterThan(3)
    expect(option!.label.en.length).toBeGreaterThan(3)
  })

  it('labels the new roles as the regulation names them', () => {
    expect(ROLE_LABELS['data-protection-officer'].vi).toBe('Cán bộ bảo vệ dữ liệu cá nhân')
    expect(ROLE_LABELS.archivist.vi).toBe('Cán bộ lưu trữ')
  })

  it.each(ROLES.map((r) => [r]))('%s has a demo account', (role) => {
    expect(DEMO_ACCOUNTS.filter((a) => a.role === role)).toHaveLength(1)
  })

  it('gives the personal-data officer the demo address baove@hoso.local', () => {
    expect(DEMO_ACCOUNTS.find((a) => a.role === 'data-protection-officer')?.email).toBe('baove@hoso.local')
  })

  it.each([['enum_accounts_roles'], ['enum_role_requests_roles'], ['enum_role_requests_previous_roles'], ['enum_role_requests_approver_roles']])(
    'the database enum %s holds every role after the migrations',
    (name) => {
      const values = enumAfterMigrations(name)
      expect(values.size).toBeGreaterThan(0)
      for (const role of ROLES) expect([...values]).toContain(role)
    },
  )

  it('asks a second factor of every role but staff', () => {
    for (const role of ROLES) expect(requiresSecondFactor([role])).toBe(role !== 'staff')
  })

  it('makes adding any role but staff wait for a second person', () => {
    for (const role of ROLES) {
      const split = splitRoleChange({ roles: ['staff'], unitId: 1, staffId: 5 }, { roles: ['staff', role], unitId: 1, staffId: 5 })
      if (role === 'staff') expect(split.pending).toBeNull()
      else expect(split.pending?.roles).toContain(role)
    }
  })
})
