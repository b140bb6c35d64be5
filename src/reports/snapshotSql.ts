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
import { NGHI_DINH_135_2020, type RetirementSchedule } from '../domain/retirement'
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
 * `snap` as a CTE body: SELECT … FROM staff s … WHERE the person worked here on D. `at` is the placeholder of D
 * as a timestamptz at UTC midnight (how the record stores calendar days).
 */
export function snapshotSelect(at: string, param: (value: unknown) => string): string {
  const day = `(${at} AT TIME ZONE 'UTC')::date`
  const birth = `(s.birth_date AT TIME ZONE 'UTC')::date`
  const levels = TRAINING_LEVELS.map((l, i) => {
    const kind = param(l.kind)
    return {
      lateral: `max(t.to_month) FILTER (WHERE k.code = ${kind}) AS end${i},
        (array_agg(c.code ORDER BY c.rank DESC NULLS LAST, c.code) FILTER (WHERE k.code = ${kind} AND c.list::text = ${param(l.list)} AND t.to_month <= ${at}))[1] AS done${i}`,
      column: `CASE WHEN tr.end${i} IS NULL OR tr.end${i} <= ${at} THEN (SELECT code FROM codes WHERE id = s.${l.staffColumn}) ELSE tr.done${i} END AS ${l.item.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
    }
  })
  const listOfKind = `CASE k.code ${TRAINING_LEVELS.map((l) => `WHEN ${param(l.kind)} THEN ${param(l.list)}`).join(' ')} END`
  return `SELECT s.id,
    coalesce(
      (SELECT d.changes_unit_id FROM decisions d WHERE d.staff_id = s.id AND d.state = 'applied' AND d.changes_unit_id IS NOT NULL
         AND d.kind::text = ANY(${param(UNIT_KINDS)}::text[]) AND d.effective_date <= ${at}
       ORDER BY d.effective_date DESC, d.signed_date DESC, d.id DESC LIMIT 1),
      (SELECT (d.applied->'previous'->>'unit')::int FROM decisions d WHERE d.staff_id = s.id AND d.state = 'applied'
         AND d.kind::text = ANY(${param(UNIT_KINDS)}::text[]) AND d.effective_date > ${at} AND d.applied->'previous' ? 'unit'
       ORDER BY d.effective_date, d.signed_date, d.id LIMIT 1),
      s.unit_id) AS unit_id,
    s.gender::text AS gender,
    s.employment_type::text AS employment_type,
    date_part('year', age(${day}, ${birth}))::int AS age,
    ${retirementSql(birth, 's.gender::text')} < ${day} AS past_retirement,
    sh.rank_code AS rank_code, r."group"::text AS rank_group, r.kind::text AS rank_kind,
    ${levels.map((l) => l.column).join(',\n    ')},
    (s.party_join_date IS NOT NULL AND s.party_join_date <= ${at}) AS party_member,
    (SELECT c.code <> ${param(KINH_CODE)} FROM codes c WHERE c.id = s.ethnicity_id) AS ethnic_minority,
    (SELECT c.code <> ${param(NO_RELIGION_CODE)} FROM codes c WHERE c.id = s.religion_id) AS religious
  FROM staff s
  LEFT JOIN LATERAL (
    SELECT h.rank_code FROM salary_history h
    WHERE h.staff_id = s.id AND h.effective_date <= ${at} AND (h.end_date IS NULL OR h.end_date >= ${at})
    ORDER BY h.effective_date DESC, h.id DESC LIMIT 1
  ) sh ON true
  LEFT JOIN ranks r ON r.code = sh.rank_code
  LEFT JOIN LATERAL (
    SELECT ${levels.map((l) => l.lateral).join(',\n      ')}
    FROM training_records t JOIN codes k ON k.id = t.kind_id AND k.list = 'training-kind'
    LEFT JOIN codes c ON c.list::text = ${listOfKind} AND (lower(c.name) = lower(trim(t.qualification)) OR upper(c.code) = upper(trim(t.qualification)))
    WHERE t.staff_id = s.id
  ) tr ON true
  WHERE (s.recruitment_date IS NULL OR s.recruitment_date <= ${at})
    AND coalesce((SELECT d.kind::text FROM decisions d WHERE d.staff_id = s.id AND d.state IN ('approved', 'applied')
          AND d.kind::text = ANY(${param(STATUS_KINDS)}::text[]) AND d.effective_date <= ${at}
        ORDER BY d.effective_date DESC, d.signed_date DESC, d.id DESC LIMIT 1) <> ALL(${param(LEAVING_KINDS)}::text[]), true)`
}
