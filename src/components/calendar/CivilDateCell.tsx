import { formatDate } from '../../domain/dates'

/** A 'YYYY-MM-DD' civil date shown dd/mm/yyyy in list views. */
export function CivilDateCell({ cellData }: { cellData?: unknown }) {
  return <span>{typeof cellData === 'string' ? formatDate(cellData) || cellData : ''}</span>
}
