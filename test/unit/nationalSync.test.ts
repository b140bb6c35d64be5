import { chainIssues, inApprovalWindow, manifestIssues, manifestSha256, parseMonth, previousMonth, type PackageManifest } from '../../src/domain/nationalPackage'
import { formatDuration, isLate, maskPersonKey, mergeGroups, retryDelayMs, staffGroupsChanged } from '../../src/domain/nationalSync'

describe('national sync rules', () => {
  test('groups changed: the groups of the fields whose values differ; nothing for fields outside the record JSON', () => {
    const before = { fullName: 'An', nationalId: '001080010000', unit: { id: 3, createdAt: 'x' }, lastConfirmedAt: null }
    expect(staffGroupsChanged(before, { ...before, nationalId: '001080019999' })).toEqual(['identifiers'])
    // A relationship at depth 1 and its id are the same value.
    expect(staffGroupsChanged(before, { ...before, unit: 3 })).toEqual([])
    expect(staffGroupsChanged(before, { ...before, lastConfirmedAt: '2026-12-01' })).toEqual([])
    // A field the caller cannot read is absent, not cleared.
    expect(staffGroupsChanged(before, { fullName: 'An' })).toEqual([])
    expect(staffGroupsChanged(null, { fullName: 'An' })).toEqual(expect.arrayContaining(['identity', 'identifiers', 'employment']))
    expect(mergeGroups(['histories.awards'], ['identity', 'histories.awards'])).toEqual(['identity', 'histories.awards'])
  })

  test('the identifier masked but its last 4 digits', () => {
    expect(maskPersonKey('001185012345')).toBe('********2345')
    expect(maskPersonKey('123')).toBe('***')
    expect(maskPersonKey(null)).toBeNull()
  })

  test('back-off doubles from the base, capped, with bounded jitter', () => {
    const p = { baseMs: 1000, maxMs: 60_000, maxAttempts: 10 }
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, p, 0))).toEqual([1000, 2000, 4000, 8000])
    expect(retryDelayMs(20, p, 0)).toBe(60_000)
    expect(retryDelayMs(1, p, 1)).toBe(1200)
  })

  test('the 1-day rule: late when unacknowledged past a day, or acknowledged after it', () => {
    const completedAt = new Date('2026-12-01T08:00:00Z')
    expect(isLate({ completedAt }, new Date('2026-12-02T07:59:00Z'))).toBe(false)
    expect(isLate({ completedAt }, new Date('2026-12-02T08:01:00Z'))).toBe(true)
    expect(isLate({ completedAt, acknowledgedAt: new Date('2026-12-01T09:00:00Z') }, new Date('2026-12-09T00:00:00Z'))).toBe(false)
    expect(formatDuration(25 * 3600_000 + 5 * 60_000)).toEqual({ vi: '1 ngày 1 giờ 5 phút', en: '1 d 1 h 5 min' })
  })
})

describe('monthly package rules', () => {
  const manifest = (month: string, previous: PackageManifest['previous']): PackageManifest => ({
    format: 'hoso.national-package/1',
    month,
    agencyCode: null,
    createdAt: '2026-11-28T03:00:00.000Z',
    previous,
    recordSchema: 'hoso.record/1',
    records: [{ id: 1, recordSha256: 'a'.repeat(64) }],
    changes: { afterOutboxId: 0, lastOutboxId: 0, entries: [] },
  })

  test('months, the last-5-days window (TT 06/2023), shape', () => {
    expect(parseMonth('2028-02')).toEqual({ month: '2028-02', first: '2028-02-01', last: '2028-02-29' })
    expect(parseMonth('2026-13')).toBeNull()
    expect(previousMonth('2027-01')).toBe('2026-12')
    expect(['2026-11-25', '2026-11-26', '2026-11-30', '2026-12-01'].map((d) => inApprovalWindow(d, '2026-11'))).toEqual([false, true, true, false])
    expect(manifestIssues(manifest('2026-11', null))).toEqual([])
    expect(manifestIssues({ ...manifest('2026-11', null), records: [{ id: 1, recordSha256: 'x' }] })).toHaveLength(1)
  })

  test('the chain: the next month names the previous manifest by its hash', () => {
    const nov = manifest('2026-11', null)
    const dec = manifest('2026-12', { month: '2026-11', manifestSha256: manifestSha256(nov) })
    expect(chainIssues(dec, nov)).toEqual([])
    expect(chainIssues(dec, { ...nov, records: [] })).toHaveLength(1)
    expect(chainIssues(manifest('2026-12', null), nov)).toHaveLength(1)
  })
})
