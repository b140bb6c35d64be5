/**
 * The person snapshot at D in SQL (src/domain/reports/snapshot.ts says what each item means): one row per person
 * who worked here on D, with the unit they belonged to on D. Values enter as parameters only.
 *
 * - worked here on D: recruited by D (when the record has a recruitment date) and not left by D by the last
 *   status-setting decision in effect (approved or applied, as statusAt in src/domain/lifecycle.ts);
 * - unit on D: the unit of the last applied unit-changing decision in effect on D; else, when a later one moved
 *   the person, the unit it recorded as before; else the record's unit;
 * - ngạch / hạng on D: the salary history row in force on D (latest effective date ≤ D, not ended before D);
 * - age in completed years on D; past retirement: D after the retirement date of NĐ 135/2020 (retirementSql);
 * - training levels: TRAINING_LEVELS; party member: admitted by D.
 */
import { DECISION_EFFECTS, DECISION_KINDS, hasLeft } from '../domain/lifecycle'
import { NGHI_DINH_135_2020, pastRetirementBirthCutoff, type RetirementSchedule } from '../domain/retirement'
import { KINH_CODE, NO_RELIGION_CODE, TRAINING_LEVELS } from '../domain/reports/snapshot'

const UNIT_KINDS = DECISION_KINDS.filter((k) => DECISION_EFFECTS[k].unit)
const STATUS_KINDS = DECISION_KINDS.filter((k) => DECISION_EFFECTS[k].status)
const LEAVING_KINDS = STATUS_KINDS.filter((k) => hasLeft(DECISION_EFFECTS[k].status))

const int = (n: number) => {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`)
  return String(n)
}

function monthsSql(s: RetirementSchedule, birth: string): string {
  const k = `((extract(year FROM ${birth})::int - ${int(s.baseYear)}) * 12 + extract(month FROM ${birth})::int - 1)`
  return `CASE WHEN ${k} < 0 THEN ${int(s.beforeBaseMonths)} ELSE least(${int(s.startMonths)} + ${int(s.stepMonths)} * floor(${k}::numeric / ${int(s.cohortLength)})::int, ${int(s.capMonths)}) END`
}

/** The retirement date (date) of NĐ 135/2020 from a birth date (date) and a gender (text): retirementDate() in SQL. */
export function retirementSql(birth: string, gender: string, rule = NGHI_DINH_135_2020): string {
  const start = `make_date(extract(year FROM ${birth})::int, extract(month FROM ${birth})::int, 1)`
  const months = `CASE WHEN ${gender} = 'male' THEN ${monthsSql(rule.male, birth)} ELSE ${monthsSql(rule.female, birth)} END`
  return `(${start} + make_interval(months => ${months} + 1) - interval '1 day')::date`
}

/**
 * `snap` as a CTE body: one row per person who worked here on D. `at` is the placeholder of D as a timestamptz at
 * UTC midnight (how the record stores calendar days). Set-based: each history is read once and grouped by person
 * (hash joins), never once per person.
 */
export function snapshotSelect(at: string, param: (value: unknown) => string, on: Date, subtreePaths?: readonly string[]): string {
  // For a subtree, only people who are in it now or were ever moved by a decision can have been in it on D
  // (a unit on D other than today's comes from an applied unit-changing decision): the rest is never read.
  const within = subtreePaths
    ? `s.unit_path LIKE ANY(${param(subtreePaths.map((p) => `${p}%`))}::text[])
         OR s.id IN (SELECT d.staff_id FROM decisions d WHERE d.state = 'applied' AND d.changes_unit_id IS NOT NULL)`
    : null
  const candidates = within ? `cand AS (SELECT s.id FROM staff s WHERE ${within}),` : ''
  const only = (column: string) => (within ? `AND ${column} IN (SELECT id FROM cand)` : '')
  const day = `(${at} AT TIME ZONE 'UTC')::date`
  const birth = `(s.birth_date AT TIME ZONE 'UTC')::date`
  const column = (item: string) => item.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  const levels = TRAINING_LEVELS.map((l, i) => {
    const kind = param(l.kind)
    return {
      aggregate: `max(t.to_month) FILTER (WHERE k.code = ${kind}) AS end${i},
        (array_agg(lv.code ORDER BY lv.rank DESC NULLS LAST, lv.code) FILTER (WHERE k.code = ${kind} AND lv.code IS NOT NULL AND t.to_month <= ${at}))[1] AS done${i}`,
      join: `LEFT JOIN codes cur${i} ON cur${i}.id = s.${l.staffColumn}`,
      column: `CASE WHEN tr.end${i} IS NULL OR tr.end${i} <= ${at} THEN cur${i}.code ELSE tr.done${i} END AS ${column(l.item)}`,
    }
  })
  const listOfKind = `CASE k.code ${TRAINING_LEVELS.map((l) => `WHEN ${param(l.kind)} THEN ${param(l.list)}`).join(' ')} END`
  const unitKinds = param(UNIT_KINDS)
  return `WITH ${candidates}
  -- Computed once (a parallel plan would otherwise sort every salary row in each worker).
  sal AS MATERIALIZED (
    SELECT DISTINCT ON (h.staff_id) h.staff_id, h.rank_code FROM salary_history h
    WHERE h.effective_date <= ${at} AND (h.end_date IS NULL OR h.end_date >= ${at}) ${only('h.staff_id')}
    ORDER BY h.staff_id, h.effective_date DESC, h.id DESC
  ),
  -- Each level's code by the names and codes a training row's "văn bằng, chứng chỉ" may carry (lower case).
  lv AS (
    SELECT k.id AS kind_id, c.code, c.rank, lower(x.key) AS key
    FROM codes k JOIN codes c ON c.list::text = ${listOfKind}
    CROSS JOIN LATERAL (VALUES (c.name), (c.code)) AS x(key)
    WHERE k.list = 'training-kind'
  ),
  tr AS (
    SELECT t.staff_id, ${levels.map((l) => l.aggregate).join(',\n      ')}
    FROM training_records t JOIN codes k ON k.id = t.kind_id AND k.list = 'training-kind'
    LEFT JOIN lv ON lv.kind_id = t.kind_id AND lv.key = lower(trim(t.qualification))
    -- Only people with training that ended after D need their rows: for the others the current level holds.
    WHERE t.staff_id IN (SELECT a.staff_id FROM training_records a WHERE a.to_month > ${at}) ${only('t.staff_id')}
    GROUP BY t.staff_id
  ),
  moved_by AS (
    SELECT DISTINCT ON (d.staff_id) d.staff_id, d.changes_unit_id AS unit_id FROM decisions d
    WHERE d.state = 'applied' AND d.changes_unit_id IS NOT NULL AND d.kind::text = ANY(${unitKinds}::text[]) AND d.effective_date <= ${at}
    ORDER BY d.staff_id, d.effective_date DESC, d.signed_date DESC, d.id DESC
  ),
  moved_after AS (
    SELECT DISTINCT ON (d.staff_id) d.staff_id, (d.applied->'previous'->>'unit')::int AS unit_id FROM decisions d
    WHERE d.state = 'applied' AND d.kind::text = ANY(${unitKinds}::text[]) AND d.effective_date > ${at} AND d.applied->'previous' ? 'unit'
    ORDER BY d.staff_id, d.effective_date, d.signed_date, d.id
  ),
  status AS (
    SELECT DISTINCT ON (d.staff_id) d.staff_id, d.kind::text AS kind FROM decisions d
    WHERE d.state IN ('approved', 'applied') AND d.kind::text = ANY(${param(STATUS_KINDS)}::text[]) AND d.effective_date <= ${at}
    ORDER BY d.staff_id, d.effective_date DESC, d.signed_date DESC, d.id DESC
  )
  SELECT s.id,
    coalesce(moved_by.unit_id, moved_after.unit_id, s.unit_id) AS unit_id,
    s.gender::text AS gender,
    s.employment_type::text AS employment_type,
    date_part('year', age(${day}, ${birth}))::int AS age,
    -- retirementSql(…) < D, as one comparison per person: the birth months past retirement on D end at a cutoff.
    s.birth_date < CASE WHEN s.gender = 'male' THEN ${param(pastRetirementBirthCutoff(on, 'male').toISOString())}::timestamptz ELSE ${param(pastRetirementBirthCutoff(on, 'female').toISOString())}::timestamptz END AS past_retirement,
    sal.rank_code AS rank_code, r."group"::text AS rank_group, r.kind::text AS rank_kind,
    ${levels.map((l) => l.column).join(',\n    ')},
    (s.party_join_date IS NOT NULL AND s.party_join_date <= ${at}) AS party_member,
    eth.code <> ${param(KINH_CODE)} AS ethnic_minority,
    rel.code <> ${param(NO_RELIGION_CODE)} AS religious
  FROM staff s
  LEFT JOIN sal ON sal.staff_id = s.id
  LEFT JOIN ranks r ON r.code = sal.rank_code
  LEFT JOIN tr ON tr.staff_id = s.id
  LEFT JOIN moved_by ON moved_by.staff_id = s.id
  LEFT JOIN moved_after ON moved_after.staff_id = s.id
  LEFT JOIN status ON status.staff_id = s.id
  ${levels.map((l) => l.join).join('\n  ')}
  LEFT JOIN codes eth ON eth.id = s.ethnicity_id
  LEFT JOIN codes rel ON rel.id = s.religion_id
  WHERE (s.recruitment_date IS NULL OR s.recruitment_date <= ${at})
    AND (status.kind IS NULL OR status.kind <> ALL(${param(LEAVING_KINDS)}::text[]))
    ${only('s.id')}`
}
