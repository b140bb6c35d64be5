/** The account roles as the admin shows them (src/domain/access.ts describes what each may do). */
export const ROLE_OPTIONS = [
  { value: 'staff', label: { vi: 'Cán bộ (hồ sơ của mình)', en: 'Staff (own record)' } },
  { value: 'unit-hr', label: { vi: 'Cán bộ tổ chức đơn vị', en: 'Unit HR officer' } },
  { value: 'unit-head', label: { vi: 'Thủ trưởng đơn vị', en: 'Unit head' } },
  { value: 'ministry-hr', label: { vi: 'Vụ Tổ chức cán bộ (toàn Bộ)', en: 'Ministry HR' } },
  { value: 'auditor', label: { vi: 'Kiểm tra, giám sát', en: 'Auditor' } },
  { value: 'sysadmin', label: { vi: 'Quản trị hệ thống', en: 'System administrator' } },
]
