import { normalizePersonName, searchKey, sortKey } from '../../src/domain/names'

test('searchKey strips diacritics and đ so "nguyen van duc" matches "Nguyễn Văn Đức"', () => {
  expect(searchKey('Nguyễn Văn Đức')).toBe('nguyen van duc')
  expect(searchKey('  ĐẶNG   Thị  Hường ')).toBe('dang thi huong')
  expect(searchKey('Nguyễn Văn Đức'.normalize('NFD'))).toBe('nguyen van duc')
  expect(searchKey(null)).toBe('')
})

test('sortKey puts the given name (tên) first', () => {
  expect(sortKey('Nguyễn Văn Đức')).toBe('Đức Nguyễn Văn')
  expect(sortKey('Lê Thị Ánh')).toBe('Ánh Lê Thị')
  expect(sortKey('An')).toBe('An')
})

test('normalizePersonName capitalises each word in NFC', () => {
  expect(normalizePersonName('  nguyễn   thị HƯỜNG ')).toBe('Nguyễn Thị Hường')
  expect(normalizePersonName('đặng văn an'.normalize('NFD'))).toBe('Đặng Văn An')
})
