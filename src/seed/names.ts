// Vietnamese family names weighted roughly by frequency, and common middle and given names.
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 2], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1],
  ['Lý', 0.5], ['Đinh', 0.8], ['Trịnh', 0.6], ['Đoàn', 0.6], ['Lương', 0.5], ['Mai', 0.4], ['Tạ', 0.3],
  ['Cao', 0.4], ['Lâm', 0.3], ['Hà', 0.5], ['Chu', 0.3], ['Quách', 0.2], ['Kiều', 0.2], ['Thái', 0.2],
]
export const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Xuân', 'Ngọc', 'Anh', 'Công', 'Đình', 'Mạnh', 'Tuấn', 'Hoàng', 'Trọng', 'Thế', 'Việt', 'Bá'] as const
export const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Phương', 'Thúy', 'Hồng', 'Kim', 'Mai', 'Diệu', 'Bích', 'Khánh', 'Hải'] as const
export const GIVEN_MALE = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Lâm',
  'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Trung', 'Tuấn',
  'Tùng', 'Việt', 'Vinh', 'Hưng', 'Toàn', 'Lộc', 'Kiên', 'Hoàng', 'Thịnh', 'Tiến', 'Hậu', 'Trường', 'Đông',
] as const
export const GIVEN_FEMALE = [
  'An', 'Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Hương', 'Hường', 'Huyền',
  'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên',
  'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Yến', 'Thư', 'Diệp', 'Trâm', 'Nhàn', 'Xuân', 'Duyên',
] as const
