#!/usr/bin/env node
// Draws the toolbar icons (a magnifying glass over a price tag's red) as PNGs in public/icon/,
// with Node's zlib only, so the icons are reproducible from this file. The inspector variant is the
// same glass on blue: with inspector mode on, the toolbar says so at a glance.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for smooth edges
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const [pr, pg, pb, pa] = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      }
      const o = 1 + x * 4;
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round((a / 16) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const RED = [179, 38, 30];
const BLUE = [26, 79, 160];
const WHITE = [255, 255, 255];
const icon = (background) => (u, v) => {
  // rounded square background
  const m = 0.06,
    rad = 0.22;
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - m - rad), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - m - rad), 0);
  if (Math.hypot(qx, qy) > rad) return [0, 0, 0, 0];
  // magnifier: ring centred at (0.43, 0.43) and a handle to the lower right
  const d = Math.hypot(u - 0.43, v - 0.43);
  const ring = d > 0.17 && d < 0.26;
  const t = (u - 0.6 + (v - 0.6)) / 2;
  const along = t > 0 && t < 0.2;
  const across = Math.abs(u - 0.6 - (v - 0.6)) / Math.SQRT2 < 0.065;
  return [...(ring || (along && across) ? WHITE : background), 1];
};

const out = new URL('../public/icon/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(new URL(`${size}.png`, out), png(size, icon(RED)));
  writeFileSync(new URL(`inspector-${size}.png`, out), png(size, icon(BLUE)));
}
console.log('icons written to public/icon/');
