import type { Pool } from 'pg'

import { REQUIRED_HISTORIES, REQUIRED_ITEMS } from '../domain/completeness'
import { WORKING_STATUSES } from '../domain/lifecycle'
import type { PersonState, ReminderSettings, UnitAggregate } from '../domain/reminders'
import { OPEN_STATUSES } from '../domain/submission'
import { subtreePattern } from '../domain/unitTree'

/**
 * The completeness rule of src/domain/completeness.ts as SQL, so 100 000 records are judged in PostgreSQL
 * rather than loaded into JS. Each required item maps to its column; text columns count as missing when
 * blank. test/unit/reminderQueries.test.ts checks every required item has a column here.
 */
export const ITEM_COLUMNS: Record<string, { column: string; text: boolean }> = {
  fullName: { column: 'full_name', text: true },
  gender: { column: 'gender', text: false },
  birthDate: { column: 'birth_date', text: false },
  birthPlace: { column: 'birth_place', text: true },
  hometown: { column: 'hometown', text: true },
  ethnicity: { column: 'ethnicity_id', text: false },
  religion: { column: 'religion_id', text: false },
  nationalId: { column: 'national_id', text: true },
  nationalIdIssueDate: { column: 'national_id_issue_date', text: false },
  permanentAddress: { column: 'permanent_address', text: true },
  currentAddress: { column: 'current_address', text: true },
  phone: { column: 'phone', text: true },
  email: { column: 'email', text: true },
  recruitmentDate: { column: 'recruitment_date', text: false },
  recruitingAgency: { column: 'recruiting_agency', text: true },
  rank: { column: 'rank_id', text: false },
  salaryStep: { column: 'salary_step', text: false },
  salaryCoefficient: { column: 'salary_coefficient', text: false },
  salaryStepDate: { column: 'salary_step_date', text: false },
  generalEducation: { column: 'general_education', text: true },
  highestQualification: { column: 'highest_qualification_id', text: false },
  healthStatus: { column: 'health_status', text: true },
  socialInsuranceNumber: { column: 'social_insurance_number', text: true },
  photo: { column: 'photo_id', text: false },
}

export const HISTORY_TABLES: Record<string, string> = {
  trainingRecords: 'training_records',
  workHistory: 'work_history',
  familyMembers: 'family_members',
}

/** `ARRAY[...]` of the missing field names of staff row `s` (names are constants, never user input). */
export function missingArraySql(): string {
  const items = REQUIRED_ITEMS.map((i) => {
    const c = ITEM_COLUMNS[i.field]
    if (!c) throw new Error(`no column for required item ${i.field}`)
    const test = c.text ? `nullif(btrim(s.${c.column}), '') IS NULL` : `s.${c.column} IS NULL`
    return `CASE WHEN ${test} THEN '${i.field}' END`
  })
  const histories = REQUIRED_HISTORIES.map((h) => {
    const t = HISTORY_TABLES[h.field]
    if (!t) throw new Error(`no table for required history ${h.field}`)
    return `CASE WHEN NOT EXISTS (SELECT 1 FROM ${t} h WHERE h.staff_id = s.id) THEN '${h.field}' END`
  })
  return `array_remove(ARRAY[${[...items, ...histories].join(', ')}]::text[], NULL)`
}

/**
 * One row per person of a subtree who still works here (people who left get no reminders and leave the counts) with what the rules need: missing items, confirmation date and the open
 * declaration. `$1` is the subtree LIKE pattern ('%' for everything), `$2` the staleness cut-off.
 */
function peopleCte(): string {
  return `people AS (
    SELECT s.id, s.unit_id, s.unit_path, s.full_name, s.last_confirmed_at, s.created_at,
           ${missingArraySql()} AS missing,
           cr.status::text AS request_status, cr.submitted_at, cr.decided_at, cr.return_reason
      FROM staff s
      LEFT JOIN change_requests cr ON cr.staff_id = s.id AND cr.status IN (${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')})
     WHERE s.unit_path LIKE $1 AND s.employment_status IN (${WORKING_STATUSES.map((st) => `'${st}'`).join(', ')})
  )`
}

const likeFor = (unitId: number | null) => (unitId == null ? '%' : subtreePattern(unitId))

export interface PersonRow extends PersonState {
  unitId: number
  unitName: string
  accountId: number | null
  accountEmail: string | null
  optOut: boolean
}

/**
 * People of a subtree with their state, optionally only those needing attention (incomplete, stale, or an
 * open returned/submitted declaration) — the drill-down list, the export and the weekly person digests.
 */
export async function peopleInSubtree(
  pool: Pool,
  unitId: number | null,
  settings: ReminderSettings,
  now: Date,
  options: { onlyNeedingAttention?: boolean; staffIds?: number[]; limit?: number } = {},
): Promise<PersonRow[]> {
  const params: unknown[] = [likeFor(unitId), now, `${settings.staleMonths} months`]
  let filter = ''
  if (options.onlyNeedingAttention) {
    filter += ` AND (cardinality(p.missing) > 0 OR coalesce(p.last_confirmed_at, p.created_at) + $3::interval <= $2
                     OR p.request_status IN ('submitted', 'returned'))`
  }
  if (options.staffIds) {
    params.push(options.staffIds)
    filter += ` AND p.id = ANY($${params.length}::int[])`
  }
  let limit = ''
  if (options.limit) {
    params.push(options.limit)
    limit = `LIMIT $${params.length}`
  }
  const { rows } = await pool.query(
    `WITH ${peopleCte()}
     SELECT p.id AS "staffId", p.full_name AS "fullName", p.missing, p.last_confirmed_at AS "lastConfirmedAt",
            p.created_at AS "createdAt", p.request_status AS "requestStatus", p.submitted_at AS "submittedAt",
            p.decided_at AS "decidedAt", p.return_reason AS "returnReason", p.unit_id AS "unitId", u.name AS "unitName",
            a.id AS "accountId", a.email AS "accountEmail", coalesce(a.reminder_opt_out, false) AS "optOut"
       FROM people p
       JOIN units u ON u.id = p.unit_id
       LEFT JOIN accounts a ON a.staff_id = p.id AND NOT coalesce(a.disabled, false)
      WHERE $2::timestamptz IS NOT NULL AND $3::interval IS NOT NULL ${filter}
      ORDER BY cardinality(p.missing) DESC, p.id
      ${limit}`,
    params,
  )
  return rows as PersonRow[]
}

/**
 * Per-unit figures for every unit of a subtree, each rolled up over its own subtree, in one query:
 * people are aggregated per unit first (one pass over the staff rows, using the unit_path index), then
 * each unit sums the per-unit rows whose path starts with its own (units are hundreds, staff 100 000).
 */
export async function unitAggregates(pool: Pool, unitId: number | null, settings: ReminderSettings, now: Date): Promise<UnitAggregate[]> {
  const { rows } = await pool.query(
    `WITH ${peopleCte()},
     per_unit AS (
       SELECT p.unit_path,
              count(*)::int AS staff,
              count(*) FILTER (WHERE cardinality(p.missing) = 0)::int AS complete,
              count(*) FILTER (WHERE cardinality(p.missing) > 0)::int AS incomplete,
              sum(cardinality(p.missing))::int AS missing_items,
              count(*) FILTER (WHERE coalesce(p.last_confirmed_at, p.created_at) + $3::interval <= $2)::int AS stale,
              count(*) FILTER (WHERE p.request_status = 'submitted')::int AS pending,
              count(*) FILTER (WHERE p.request_status = 'submitted' AND p.submitted_at + $4::interval <= $2)::int AS pending_overdue,
              count(*) FILTER (WHERE p.request_status = 'returned')::int AS returned,
              min(p.submitted_at) FILTER (WHERE p.request_status = 'submitted') AS oldest_pending_at
         FROM people p GROUP BY p.unit_path
     )
     SELECT u.id AS "unitId", u.name, u.depth,
            coalesce(sum(pu.staff), 0)::int AS staff,
            coalesce(sum(pu.complete), 0)::int AS complete,
            coalesce(sum(pu.incomplete), 0)::int AS incomplete,
            coalesce(sum(pu.missing_items), 0)::int AS "missingItems",
            coalesce(sum(pu.stale), 0)::int AS stale,
            coalesce(sum(pu.pending), 0)::int AS pending,
            coalesce(sum(pu.pending_overdue), 0)::int AS "pendingOverdue",
            coalesce(sum(pu.returned), 0)::int AS returned,
            min(pu.oldest_pending_at) AS "oldestPendingAt"
       FROM units u
       LEFT JOIN per_unit pu ON pu.unit_path LIKE u.path || '%'
      WHERE u.path LIKE $1
      GROUP BY u.id, u.name, u.depth, u.path
      ORDER BY u.path`,
    [likeFor(unitId), now, `${settings.staleMonths} months`, `${settings.pendingDays} days`],
  )
  return rows as UnitAggregate[]
}

/** Unit HR officers to send the weekly HR digest to: active accounts with the role and a unit in charge. */
export async function unitHrRecipients(pool: Pool): Promise<Array<{ accountId: number; email: string; name: string; unitId: number; optOut: boolean }>> {
  const { rows } = await pool.query(
    `SELECT a.id AS "accountId", a.email, coalesce(s.full_name, a.display_name, a.email) AS name, a.unit_id AS "unitId",
            coalesce(a.reminder_opt_out, false) AS "optOut"
       FROM accounts a
       JOIN accounts_roles r ON r.parent_id = a.id AND r.value = 'unit-hr'
       LEFT JOIN staff s ON s.id = a.staff_id
      WHERE a.unit_id IS NOT NULL AND NOT coalesce(a.disabled, false)
      ORDER BY a.id`,
  )
  return rows
}
