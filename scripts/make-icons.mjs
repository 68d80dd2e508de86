// Draws the project's icon (two facing half-discs: a statement and its counterpoint) as PNGs,
// with no image library: raw RGBA rows, zlib-deflated, wrapped in PNG chunks.
// Run once: `node scripts/make-icons.mjs`; the PNGs are committed under public/icon/.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const S = 4; // supersampling for smooth edges
  const rows = [];
  const cx = size / 2, cy = size / 2, r = size * 0.46, gap = size * 0.05;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let a = 0, warm = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const px = x + (sx + 0.5) / S, py = y + (sy + 0.5) / S;
        const dx = px - cx, dy = py - cy;
        if (dx * dx + dy * dy <= r * r && Math.abs(dx) > gap / 2) { a++; if (dx > 0) warm++; }
      }
      const cover = a / (S * S);
      const w = a ? warm / a : 0;
      // left half: ink blue-grey; right half: counterpoint orange
      const c = [Math.round(46 + (214 - 46) * w), Math.round(58 + (110 - 58) * w), Math.round(89 + (52 - 89) * w)];
      row.push(...c, Math.round(cover * 255));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('icons written to public/icon/');
