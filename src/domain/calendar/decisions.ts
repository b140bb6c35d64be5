/**
 * The yearly holiday decisions known when this was written, seeded into the `working-calendar` collection by
 * migration (ministry HR adds later years in the admin). Each row cites the text that carries the Prime
 * Minister's decision; where only the press was read, the source says so. The 2026 day next to 2/9 is NOT
 * here: only a proposal was found (Bộ Nội vụ, 10/2025: "5 ngày lễ 2/9"), so 2026 stays provisional for it.
 */
import type { CalendarEntry } from './holidays'

const TB_2024 =
  'Thông báo của Bộ LĐTBXH về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2024, theo ý kiến của Thủ tướng Chính phủ (số hiệu chưa đối chiếu; nội dung theo báo chí: Tết 08/02–14/02/2024 gồm 05 ngày Tết và 02 ngày nghỉ bù theo khoản 3 Điều 111 BLLĐ; Quốc khánh 31/8–03/9/2024)'
const VPCP_2450_2024 = 'Công văn 2450/VPCP-KGVX ngày 12/04/2024: Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–01/5/2024'
const TB_6150_2025 = 'Thông báo 6150/TB-BLĐTBXH năm 2024, thực hiện Công văn 8726/VPCP-KGVX năm 2024 (nghỉ Tết Âm lịch, Quốc khánh, 30/4–01/5 năm 2025)'
const VPCP_12729_2025 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025: Phó Thủ tướng đồng ý nghỉ Tết Dương lịch 2026 từ 01/01 đến 04/01, làm bù thứ Bảy 10/01/2026'
const TET_2026 =
  'Thủ tướng đồng ý phương án của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 (số hiệu chưa đối chiếu; nội dung theo báo chí 10/2025: công chức, viên chức nghỉ 05 ngày từ thứ Hai 16/02 đến hết thứ Sáu 20/02/2026)'

const tet = (date: string, name: string, source: string): CalendarEntry => ({ date, kind: 'holiday', occasion: 'tet', name, source })

export const KNOWN_DECISIONS: readonly CalendarEntry[] = [
  // 2024 — Tết Giáp Thìn (mùng 1 = 10/02/2024, a Saturday: 10/02 and 11/02 are given back on 13/02 and 14/02)
  tet('2024-02-08', '29 tháng Chạp năm Quý Mão', TB_2024),
  tet('2024-02-09', '30 tháng Chạp năm Quý Mão', TB_2024),
  tet('2024-02-10', 'Mùng 1 Tết Giáp Thìn', TB_2024),
  tet('2024-02-11', 'Mùng 2 Tết Giáp Thìn', TB_2024),
  tet('2024-02-12', 'Mùng 3 Tết Giáp Thìn', TB_2024),
  { date: '2024-04-29', kind: 'day-off', name: 'Nghỉ hoán đổi dịp 30/4–01/5', source: VPCP_2450_2024 },
  { date: '2024-05-04', kind: 'working-day', name: 'Làm bù cho thứ Hai 29/04/2024', source: VPCP_2450_2024 },
  { date: '2024-09-03', kind: 'holiday', occasion: 'national-day', name: 'Ngày liền kề sau Quốc khánh', source: TB_2024 },
  // 2025 — Tết Ất Tỵ (mùng 1 = 29/01/2025)
  tet('2025-01-27', '28 tháng Chạp năm Giáp Thìn', TB_6150_2025),
  tet('2025-01-28', '29 tháng Chạp năm Giáp Thìn', TB_6150_2025),
  tet('2025-01-29', 'Mùng 1 Tết Ất Tỵ', TB_6150_2025),
  tet('2025-01-30', 'Mùng 2 Tết Ất Tỵ', TB_6150_2025),
  tet('2025-01-31', 'Mùng 3 Tết Ất Tỵ', TB_6150_2025),
  { date: '2025-05-02', kind: 'day-off', name: 'Nghỉ hoán đổi dịp 30/4–01/5', source: TB_6150_2025 },
  { date: '2025-04-26', kind: 'working-day', name: 'Làm bù cho thứ Sáu 02/05/2025', source: TB_6150_2025 },
  { date: '2025-09-01', kind: 'holiday', occasion: 'national-day', name: 'Ngày liền kề trước Quốc khánh', source: TB_6150_2025 },
  // 2026 — Tết Dương lịch swap; Tết Bính Ngọ (mùng 1 = 17/02/2026). Giỗ Tổ falls on Sunday 26/04: nghỉ bù 27/04 by law.
  { date: '2026-01-02', kind: 'day-off', name: 'Nghỉ hoán đổi dịp Tết Dương lịch', source: VPCP_12729_2025 },
  { date: '2026-01-10', kind: 'working-day', name: 'Làm bù cho thứ Sáu 02/01/2026', source: VPCP_12729_2025 },
  tet('2026-02-16', '29 tháng Chạp năm Ất Tỵ', TET_2026),
  tet('2026-02-17', 'Mùng 1 Tết Bính Ngọ', TET_2026),
  tet('2026-02-18', 'Mùng 2 Tết Bính Ngọ', TET_2026),
  tet('2026-02-19', 'Mùng 3 Tết Bính Ngọ', TET_2026),
  tet('2026-02-20', 'Mùng 4 Tết Bính Ngọ', TET_2026),
]
