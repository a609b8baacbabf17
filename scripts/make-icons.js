#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png) with no dependency: a small rasteriser
 * (4×4 supersampling) and a PNG encoder on Node's zlib. Run `node scripts/make-icons.js` after changing
 * the design; the PNGs are committed so the build never needs this script.
 * Design: Excel-green rounded tile, a white sheet with three table rows, a check mark.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41];
const DARK = [0x0b, 0x5a, 0x2f];
const WHITE = [0xff, 0xff, 0xff];
const LINE = [0x9c, 0xc9, 0xad];
const CHECK = [0xf2, 0xa9, 0x00];

/** Shapes in a 0..1 unit square, painted in order; each returns true when (x, y) is inside. */
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
  };
}
const layers = [
  [roundedRect(0.02, 0.02, 0.98, 0.98, 0.16), GREEN],
  [roundedRect(0.16, 0.14, 0.72, 0.86, 0.05), WHITE],
  [roundedRect(0.22, 0.26, 0.66, 0.32, 0.01), LINE],
  [roundedRect(0.22, 0.42, 0.66, 0.48, 0.01), LINE],
  [roundedRect(0.22, 0.58, 0.66, 0.64, 0.01), LINE],
  [roundedRect(0.42, 0.20, 0.46, 0.80, 0.005), LINE],
  [segment(0.50, 0.66, 0.64, 0.80, 0.13), DARK],
  [segment(0.64, 0.80, 0.90, 0.44, 0.13), DARK],
  [segment(0.50, 0.66, 0.64, 0.80, 0.08), CHECK],
  [segment(0.64, 0.80, 0.90, 0.44, 0.08), CHECK],
];

function render(size) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let color = null;
          for (const [inside, c] of layers) if (inside(x, y)) color = c;
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      // premultiplied sums -> straight alpha
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels -> PNG bytes (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
