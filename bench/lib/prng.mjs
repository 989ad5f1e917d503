// A small seeded PRNG (sfc32, seeded through splitmix32). The benchmark tree must be identical for
// a given seed on every machine and Node release, so Math.random and crypto are off limits here.

function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX = "0123456789abcdef";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * One independent stream per (seed, stream) pair: every generated file gets its own stream, so a
 * file's bytes do not depend on which worker wrote it or in which order.
 */
export function makeRng(seed, stream = 0) {
  const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x2c1b3c6d));
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix();

  function u32() {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  const float = () => u32() / 4294967296;
  const int = (lo, hi) => lo + Math.floor(float() * (hi - lo + 1));

  const rng = {
    u32,
    float,
    int,
    chance: (p) => float() < p,
    pick: (list) => list[Math.floor(float() * list.length)],
    /** Standard normal (Box-Muller); used for log-normal sizes. */
    normal() {
      const u = 1 - float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * float());
    },
    /** Log-normal around `median`: heavy-tailed, like real tool outputs and transcript sizes. */
    logNormal(median, sigma) {
      return median * Math.exp(sigma * rng.normal());
    },
    chars(n, alphabet) {
      let s = "";
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(float() * alphabet.length)];
      return s;
    },
    hex: (n) => rng.chars(n, HEX),
    base62: (n) => rng.chars(n, BASE62),
    /** RFC 4122 version 4 layout, lower case, as Claude Code's randomUUID() writes them. */
    uuid() {
      const h = rng.hex(32).split("");
      h[12] = "4";
      h[16] = HEX[8 + (HEX.indexOf(h[16]) & 3)];
      const s = h.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    /** Fills a buffer with random bytes (base64 image data). */
    bytes(n) {
      const buf = Buffer.allocUnsafe(n);
      for (let i = 0; i + 4 <= n; i += 4) buf.writeUInt32LE(u32(), i);
      for (let i = n - (n % 4); i < n; i++) buf[i] = u32() & 255;
      return buf;
    },
  };
  return rng;
}
