/**
 * The independent access oracle (test/access/oracle.ts) against the hand-written named cases, and its
 * invariants over every combination of role set × relation × own record × grant kind and state × item ×
 * second factor × disabled. The application's role list is read only to check the oracle knows every role.
 */
import { ROLES } from '../../src/domain/access'
import { NAMED_CASES } from '../access/namedCases'
import {
  allowed,
  effectiveRoles,
  grantState,
  GRANT_STATES,
  ORACLE_ROLES,
  relationOf,
  RELATIONS,
  ROLE_RULES,
  withinSubtree,
  type Action,
  type Item,
  type OracleActor,
  type OracleGrant,
  type OracleRecord,
} from '../access/oracle'

describe('named cases, line by line', () => {
  test.each(NAMED_CASES.map((c) => [c.who, c] as const))('%s', (_who, c) => {
    expect({
      read: allowed(c.actor, c.record, 'read'),
      sensitive: allowed(c.actor, c.record, 'read', 'sensitive'),
      update: allowed(c.actor, c.record, 'update'),
    }).toEqual({ read: c.read, sensitive: c.sensitive, update: c.update })
  })

  test('every role of the oracle appears in a named case', () => {
    const named = new Set(NAMED_CASES.flatMap((c) => c.actor.roles))
    expect(ORACLE_ROLES.filter((r) => !named.has(r))).toEqual([])
  })
})

test('the oracle has a line for every role the application defines', () => {
  expect([...ORACLE_ROLES].sort()).toEqual([...ROLES].sort())
})

describe('invariants over every combination', () => {
  const roleSets: string[][] = [[], ...ORACLE_ROLES.map((r) => [r]), ...ORACLE_ROLES.flatMap((a, i) => ORACLE_ROLES.slice(i + 1).map((b) => [a, b]))]
  const grantSets: OracleGrant[][] = [
    [],
    ...(['read', 'update'] as const).flatMap((kind) => GRANT_STATES.flatMap((state) => [true, false].map((covers) => [{ kind, state, covers }]))),
  ]
  const actions: Action[] = ['read', 'update']
  const items: Item[] = ['plain', 'sensitive']

  function* combinations(): Generator<[OracleActor, OracleRecord]> {
    for (const roles of roleSets)
      for (const secondFactor of [true, false])
        for (const disabled of [false, true])
          for (const relation of RELATIONS)
            for (const own of [false, true]) for (const grants of grantSets) yield [{ roles, secondFactor, disabled }, { own, relation, grants }]
  }

  test('grants never open sensitive items; nothing without a counting role; disabled reaches nothing; updates imply reads', () => {
    let decisions = 0
    const broken: string[] = []
    const check = (ok: boolean, what: string, actor: OracleActor, record: OracleRecord) => {
      if (!ok && broken.length < 10) broken.push(`${what}: ${JSON.stringify(actor)} ${JSON.stringify(record)}`)
    }
    for (const [actor, record] of combinations()) {
      const d = Object.fromEntries(actions.flatMap((a) => items.map((i) => [`${a}:${i}`, allowed(actor, record, a, i)])))
      decisions += 4
      const withoutGrants = { ...record, grants: [] }
      check(d['read:sensitive'] === allowed(actor, withoutGrants, 'read', 'sensitive'), 'a grant changed a sensitive read', actor, record)
      if (actor.disabled || effectiveRoles(actor).length === 0) check(Object.values(d).every((v) => !v), 'no counting role, yet allowed', actor, record)
      if (d['update:plain']) check(d['read:plain']!, 'update without read', actor, record)
      if (d['read:sensitive']) check(d['read:plain']!, 'sensitive without read', actor, record)
      if (d['update:sensitive']) check(d['read:sensitive']! && d['update:plain']!, 'sensitive update without sensitive read', actor, record)
      // Only an active grant that names the record changes anything.
      if (!(record.grants ?? []).some((g) => g.state === 'active' && g.covers)) {
        for (const a of actions) check(d[`${a}:plain`] === allowed(actor, withoutGrants, a), `an inactive grant changed ${a}`, actor, record)
      }
    }
    expect(broken).toEqual([])
    expect(decisions).toBeGreaterThan(20_000)
  })

  test('a role that needs the second factor counts only with it', () => {
    for (const [role, rule] of Object.entries(ROLE_RULES)) {
      expect(effectiveRoles({ roles: [role], secondFactor: false })).toEqual(rule.secondFactor ? [] : [role])
      expect(effectiveRoles({ roles: [role], secondFactor: true })).toEqual([role])
    }
  })
})

describe('the oracle\'s own unit tree and grant states', () => {
  //        1
  //      /   \
  //     2     3
  //    / \
  //   4   5
  const tree = new Map<number, number | null>([[1, null], [2, 1], [3, 1], [4, 2], [5, 2]])

  test('relations', () => {
    expect(relationOf(tree, 2, 2)).toBe('same')
    expect(relationOf(tree, 2, 4)).toBe('descendant')
    expect(relationOf(tree, 4, 1)).toBe('ancestor')
    expect(relationOf(tree, 4, 5)).toBe('sibling')
    expect(relationOf(tree, 4, 3)).toBe('other')
    expect(relationOf(tree, null, 3)).toBe('no-unit')
    expect(withinSubtree(tree, 2, 5)).toBe(true)
    expect(withinSubtree(tree, 2, 3)).toBe(false)
  })

  test('grant states at a fixed instant', () => {
    const now = new Date('2026-06-15T12:00:00Z')
    const from = new Date('2026-06-01T00:00:00Z')
    const to = new Date('2026-06-30T00:00:00Z')
    expect(grantState('approved', from, to, now)).toBe('active')
    expect(grantState('approved', new Date('2026-06-20T00:00:00Z'), to, now)).toBe('future')
    expect(grantState('approved', from, new Date('2026-06-10T00:00:00Z'), now)).toBe('expired')
    expect(grantState('pending', from, to, now)).toBe('pending')
    expect(grantState('revoked', from, to, now)).toBe('revoked')
  })
})
