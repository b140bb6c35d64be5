import type { Payload } from 'payload'

import { declaredHistories, staffCatalogue, type FieldInfo } from './catalogue'

type Label = { vi: string; en: string }

export interface SelfServiceForm {
  sections: Array<{ label: Label; fields: FieldInfo[] }>
  histories: Array<{ slug: string; label: Label; fields: FieldInfo[] }>
  /** Choices of each code list used by the form, in list order. */
  codes: Record<string, Array<{ value: number; label: string }>>
}

/**
 * What "Hồ sơ của tôi" shows and lets the person edit: the T1 and T2 items of the record grouped as in
 * the admin tabs, the declared histories, and the code-list choices. Generated from the collection
 * configs and the tier map, so the form can never offer an item the workflow would refuse.
 */
export async function selfServiceForm(payload: Payload): Promise<SelfServiceForm> {
  const editable = staffCatalogue(payload).filter((f) => (f.tier === 'T1' || f.tier === 'T2') && f.type !== 'photo')
  const sections: SelfServiceForm['sections'] = []
  for (const f of editable) {
    const key = f.section?.vi ?? ''
    let section = sections.find((s) => s.label.vi === key)
    if (!section) sections.push((section = { label: f.section ?? { vi: '', en: '' }, fields: [] }))
    section.fields.push(f)
  }
  const histories = declaredHistories(payload).map(({ slug, label, fields }) => ({ slug, label, fields }))
  const lists = new Set<string>()
  const collect = (fs: FieldInfo[]) => fs.forEach((f) => (f.codeList && lists.add(f.codeList), f.fields && collect(f.fields)))
  collect(editable)
  histories.forEach((h) => collect(h.fields))
  const codes: SelfServiceForm['codes'] = {}
  if (lists.size) {
    const found = await payload.find({
      collection: 'codes',
      where: { list: { in: [...lists] } },
      sort: ['list', 'sortOrder', 'name'] as never,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const c of found.docs as Array<{ id: number; list: string; name: string }>) (codes[c.list] ??= []).push({ value: c.id, label: c.name })
  }
  return { sections, histories, codes }
}
