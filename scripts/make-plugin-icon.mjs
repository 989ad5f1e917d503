// Draws the plugin's icon, plugins/session-reindex/.claude-plugin/icon.png: a 512 px square PNG
// (what `claude plugin validate --profile directory` asks for) showing an index of sessions with
// the newest row restored. Run by hand when the design changes (node scripts/make-plugin-icon.mjs);
// the PNG is committed, since zlib's output may differ between Node releases.

import fs from "node:fs";
import zlib from "node:zlib";

const SIZE = 512;
const BACKGROUND = [24, 32, 48];
const ROW = [96, 112, 140];
const RESTORED = [236, 142, 76];
const DOT = [240, 240, 245];

// Inside a rounded rectangle (corners of radius r) spanning [x0, x1) × [y0, y1)?
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - 1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0, 0, SIZE, SIZE, 96)) return null;
  const rows = [
    [112, RESTORED],
    [208, ROW],
    [304, ROW],
    [400, ROW],
  ];
  for (const [top, colour] of rows) {
    if ((x - 124) ** 2 + (y - (top + 24)) ** 2 <= 22 ** 2) return colour === RESTORED ? RESTORED : DOT;
    if (inRoundedRect(x, y, 172, top, 420, top + 48, 24)) return colour;
  }
  return BACKGROUND;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const line = y * (SIZE * 4 + 1);
  raw[line] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const colour = colourAt(x, y);
    if (colour) raw.set([...colour, 255], line + 1 + x * 4);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
fs.writeFileSync(new URL("../plugins/session-reindex/.claude-plugin/icon.png", import.meta.url), png);
