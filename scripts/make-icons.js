#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80/128.png and assets/logo-filled.png) with plain Node:
 * a rounded square shaded from green to blue, a white rising bar chart and a white shield with a check.
 * Pixels are rendered with 4×4 supersampling (anti-aliased edges) and written as 8-bit RGBA PNGs using
 * zlib deflate and our own CRC-32. Run `node scripts/make-icons.js` after changing the drawing; the PNGs
 * are committed so a build needs no image tooling.
 */
/* global Buffer */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Output files and their square sizes in pixels. */
const ICONS = [
  { file: "icon-16.png", size: 16 },
  { file: "icon-32.png", size: 32 },
  { file: "icon-64.png", size: 64 },
  { file: "icon-80.png", size: 80 },
  { file: "icon-128.png", size: 128 },
  { file: "logo-filled.png", size: 300 },
];

const SUPERSAMPLE = 4;

// ---------------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG chunks use) of a byte buffer. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type + data. */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes, row-major) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Drawing in unit coordinates (0..1 on both axes, y down)

const GREEN = [22, 140, 92];
const BLUE = [31, 95, 191];
const WHITE = [255, 255, 255];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const BARS = [
  [0.14, 0.27, 0.6],
  [0.32, 0.45, 0.46],
  [0.5, 0.63, 0.3],
];
const BASELINE_Y = 0.8;
const SHIELD = [
  [0.67, 0.17],
  [0.785, 0.12],
  [0.9, 0.17],
  [0.9, 0.32],
  [0.785, 0.47],
  [0.67, 0.32],
];
const CHECK = [
  [0.72, 0.28],
  [0.77, 0.34],
  [0.86, 0.21],
];

function mix(a, b, t) {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t);
}

/** Colour (RGBA 0..255) of the logo at unit point (x, y). */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return [0, 0, 0, 0];
  const background = mix(GREEN, BLUE, Math.min(1, Math.max(0, (x + y) / 2)));
  if (insidePolygon(x, y, SHIELD)) {
    const onCheck =
      distanceToSegment(x, y, CHECK[0], CHECK[1]) < 0.028 ||
      distanceToSegment(x, y, CHECK[1], CHECK[2]) < 0.028;
    return onCheck ? [...GREEN, 255] : [...WHITE, 255];
  }
  for (const [x0, x1, top] of BARS) {
    if (x >= x0 && x <= x1 && y >= top && y <= BASELINE_Y) return [...WHITE, 255];
  }
  if (x >= 0.12 && x <= 0.88 && y >= BASELINE_Y + 0.03 && y <= BASELINE_Y + 0.07) return [...WHITE, 255];
  return [...background, 255];
}

/** Renders the logo at `size`×`size` pixels with supersampled anti-aliasing (premultiplied averaging). */
function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const { file, size } of ICONS) {
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(path.join(dir, file), png);
    console.log(`assets/${file}  ${size}x${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { ICONS, crc32, encodePng, render };
