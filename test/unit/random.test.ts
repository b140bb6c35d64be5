import { Random } from '../../src/seed/random'

test('the seed generator is deterministic: same seed, same sequence', () => {
  const a = new Random(42)
  const b = new Random(42)
  const seqA = Array.from({ length: 5 }, () => a.int(1, 1000))
  expect(Array.from({ length: 5 }, () => b.int(1, 1000))).toEqual(seqA)
  expect(new Random(43).int(1, 1000)).not.toBe(seqA[0])
})

test('weighted picks follow the weights', () => {
  const rng = new Random(1)
  const counts = { a: 0, b: 0 }
  for (let i = 0; i < 10_000; i++) counts[rng.weighted([['a', 9], ['b', 1]] as const)]++
  expect(counts.a / 10_000).toBeGreaterThan(0.87)
  expect(counts.a / 10_000).toBeLessThan(0.93)
})
