import { agencyLayout, fitCentered, mmToPoints, sealRect, union } from '../../src/domain/signing/appearance'
import { formatVietnamTime } from '../../src/domain/signing/time'

describe('mmToPoints', () => {
  test('36 mm seal is 102.05 pt; 25.4 mm is one inch', () => {
    expect(mmToPoints(25.4)).toBe(72)
    expect(mmToPoints(36)).toBeCloseTo(102.047, 3)
  })
})

describe('fitCentered', () => {
  test('a wide image fills the width and is centred vertically', () => {
    expect(fitCentered(400, 100, { x: 10, y: 20, width: 200, height: 100 })).toEqual({ x: 10, y: 45, width: 200, height: 50 })
  })
  test('a tall image fills the height and is centred horizontally', () => {
    expect(fitCentered(100, 200, { x: 0, y: 0, width: 200, height: 100 })).toEqual({ x: 75, y: 0, width: 50, height: 100 })
  })
  test('refuses an empty image', () => {
    expect(() => fitCentered(0, 10, { x: 0, y: 0, width: 1, height: 1 })).toThrow(RangeError)
  })
})

describe('sealRect (NĐ 30/2020 Phụ lục I 8a)', () => {
  const person = { x: 350, y: 200, width: 150, height: 60 }
  const d = mmToPoints(36)
  const seal = sealRect(person, d)

  test('real size: a square of the seal diameter', () => {
    expect(seal.width).toBeCloseTo(d)
    expect(seal.height).toBeCloseTo(d)
  })
  test('covers the left third of the signature image: its right edge is one third into the image', () => {
    expect(seal.x + seal.width).toBeCloseTo(person.x + person.width / 3)
    const covered = Math.min(seal.x + seal.width, person.x + person.width) - Math.max(seal.x, person.x)
    expect(covered / person.width).toBeCloseTo(1 / 3)
  })
  test('vertically centred on the signature image', () => {
    expect(seal.y + seal.height / 2).toBeCloseTo(person.y + person.height / 2)
  })
  test('refuses a non-positive diameter', () => {
    expect(() => sealRect(person, 0)).toThrow(RangeError)
  })
})

describe('agencyLayout', () => {
  test('the time line is centred under the seal and the bounds hold both', () => {
    const person = { x: 350, y: 200, width: 150, height: 60 }
    const l = agencyLayout(person, 100, 190, 10)
    expect(l.text.x + 95).toBeCloseTo(l.seal.x + 50)
    expect(l.text.y).toBeLessThan(l.seal.y)
    expect(l.bounds.x).toBeCloseTo(l.text.x)
    expect(l.bounds.width).toBeCloseTo(190)
    expect(l.bounds.y + l.bounds.height).toBeCloseTo(l.seal.y + l.seal.height)
    expect(l.bounds.y).toBeCloseTo(l.text.y - 2.5)
  })
  test('union', () => {
    expect(union({ x: 0, y: 0, width: 1, height: 1 }, { x: 2, y: -1, width: 1, height: 1 })).toEqual({ x: 0, y: -1, width: 3, height: 2 })
  })
})

describe('formatVietnamTime', () => {
  test('ISO 8601 in Asia/Ho_Chi_Minh, to the second', () => {
    expect(formatVietnamTime(new Date('2026-11-25T07:30:15.900Z'))).toBe('2026-11-25T14:30:15+07:00')
  })
  test('crosses midnight and the year in Vietnam time', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00:00+07:00')
  })
  test('refuses an invalid date', () => {
    expect(() => formatVietnamTime(new Date('x'))).toThrow(RangeError)
  })
})
