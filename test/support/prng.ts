// prng: a small seeded generator (a 31-bit linear congruential one) for tests that damage or pick
// things at random and must do it the same way on every run.

/** Numbers in [0, 1], the same sequence for the same seed. */
export function prng(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
