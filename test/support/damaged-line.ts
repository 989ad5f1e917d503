// damagedLine: JSON texts as a transcript line's bytes, whole or damaged as a crash or a bad write leaves
// them: cut short, or with one byte inserted or replaced.
import fc from "fast-check";

/** Each text whole, cut at a byte, or with one of `bytes` (Latin-1) inserted or put in place of a byte. */
export function damagedLine(text: fc.Arbitrary<string>, bytes: string): fc.Arbitrary<Buffer> {
  return fc.tuple(text, fc.nat(), fc.nat(), fc.constantFrom(...bytes)).map(([json, at, how, byte]) => {
    const whole = Buffer.from(json);
    const i = at % (whole.length + 1);
    if (how % 4 === 0) return whole;
    if (how % 4 === 1) return whole.subarray(0, i);
    const insert = Buffer.from(byte, "latin1");
    if (how % 4 === 2) return Buffer.concat([whole.subarray(0, i), insert, whole.subarray(i)]);
    return Buffer.concat([whole.subarray(0, i), insert, whole.subarray(i + 1)]);
  });
}
