import { backupsToRemove, retentionPolicy, type BackupEntry } from '../../src/domain/backupRetention'

const at = (iso: string) => new Date(`${iso}T00:00:00Z`)
const b = (id: string, iso: string, verified = true): BackupEntry => ({ id, createdAt: at(iso), verified })
const removed = (list: BackupEntry[], now: string, months = 3) =>
  backupsToRemove(list, at(now), { months }).remove.map((r) => r.id)

describe('backup retention (QĐ 832: kept at least three months once a newer backup exists)', () => {
  it('keeps a lone backup whatever its age', () => {
    expect(removed([b('a', '2020-01-01')], '2026-11-25')).toEqual([])
    expect(backupsToRemove([b('a', '2020-01-01', false)], at('2026-11-25'), { months: 3 }).keep).toHaveLength(1)
  })

  it('keeps every backup younger than the retention period', () => {
    const list = [b('sep', '2026-09-01'), b('oct', '2026-10-01'), b('nov', '2026-11-01')]
    expect(removed(list, '2026-11-25')).toEqual([])
  })

  it('deletes a backup once a newer verified one has existed for three months', () => {
    const list = [b('jul', '2026-07-01'), b('aug', '2026-08-01'), b('sep', '2026-09-01'), b('oct', '2026-10-01'), b('nov', '2026-11-01')]
    // aug superseded on 01/09, which is less than 3 months before 25/11 → kept; jul superseded on 01/08 → removed
    expect(removed(list, '2026-11-25')).toEqual(['jul'])
    expect(removed(list, '2026-12-01')).toEqual(['jul', 'aug'])
  })

  it('counts the three months from the newer verified backup, not from the old one', () => {
    // A two-year-old backup whose only newer backup is a month old stays.
    const list = [b('old', '2024-11-01'), b('new', '2026-10-25')]
    expect(removed(list, '2026-11-25')).toEqual([])
  })

  it('never deletes a backup when the newer ones are not verified', () => {
    const list = [b('old', '2025-01-01'), b('bad1', '2025-02-01', false), b('bad2', '2025-03-01', false)]
    expect(removed(list, '2026-11-25')).toEqual([])
  })

  it('an unverified newer backup does not supersede; the next verified one does', () => {
    const list = [b('old', '2025-01-01'), b('bad', '2025-02-01', false), b('good', '2025-03-01')]
    expect(removed(list, '2026-11-25')).toEqual(['old', 'bad'])
  })

  it('always keeps the newest verified backup, even when older than the period', () => {
    const list = [b('a', '2025-01-01'), b('b', '2025-02-01')]
    const d = backupsToRemove(list, at('2026-11-25'), { months: 3 })
    expect(d.remove.map((r) => r.id)).toEqual(['a'])
    expect(d.keep.map((r) => r.id)).toEqual(['b'])
  })

  it('honours a longer configured retention', () => {
    const list = [b('jan', '2026-01-01'), b('feb', '2026-02-01'), b('nov', '2026-11-01')]
    expect(removed(list, '2026-11-25', 3)).toEqual(['jan'])
    expect(removed(list, '2026-11-25', 12)).toEqual([])
  })

  it('is independent of input order', () => {
    const list = [b('nov', '2026-11-01'), b('jul', '2026-07-01'), b('aug', '2026-08-01')]
    expect(removed(list, '2026-11-25')).toEqual(['jul'])
  })

  it('counts calendar months, clamped at the end of shorter months', () => {
    // superseded 28/02; 27/05 − 3 months = 27/02 (kept), 31/05 − 3 months = 28/02 (clamped: removed)
    const list = [b('jan', '2026-01-31'), b('feb', '2026-02-28')]
    expect(removed(list, '2026-05-27')).toEqual([])
    expect(removed(list, '2026-05-31')).toEqual(['jan'])
  })

  it('refuses a retention shorter than three months or not a whole number', () => {
    expect(retentionPolicy(undefined)).toEqual({ months: 3 })
    expect(retentionPolicy('6')).toEqual({ months: 6 })
    expect(() => retentionPolicy('2')).toThrow(/tối thiểu 3/)
    expect(() => retentionPolicy('3.5')).toThrow()
    expect(() => backupsToRemove([], new Date(), { months: 1 })).toThrow()
  })
})
