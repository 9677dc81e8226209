/**
 * The committed icons in assets/ are real PNGs of the size their names say, are not a flat colour,
 * and hold exactly the pixels scripts/make-icons.js draws today.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require("../../scripts/make-icons.js") as {
  ICONS: { file: string; size: number }[];
  crc32(bytes: Uint8Array): number;
  encodePng(width: number, height: number, rgba: Buffer): Buffer;
  render(size: number): Buffer;
};

const ASSETS = path.resolve(__dirname, "..", "..", "assets");
const EXPECTED: Record<string, number> = {
  "icon-16.png": 16,
  "icon-32.png": 32,
  "icon-64.png": 64,
  "icon-80.png": 80,
  "icon-128.png": 128,
  "logo-filled.png": 300,
};

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Minimal PNG reader for 8-bit RGBA, non-interlaced images; checks every chunk's CRC. */
function readPng(buf: Buffer): Png {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (;;) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString("ascii");
    const data = buf.subarray(offset + 8, offset + 8 + length);
    expect(buf.readUInt32BE(offset + 8 + length)).toBe(
      icons.crc32(buf.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      rgba[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

describe("assets/ icons", () => {
  test("the generator and the committed files list the same icons", () => {
    expect(Object.fromEntries(icons.ICONS.map((i) => [i.file, i.size]))).toEqual(EXPECTED);
  });

  test.each(Object.entries(EXPECTED))("%s is a %ipx square PNG that is not a flat colour", (file, size) => {
    const png = readPng(fs.readFileSync(path.join(ASSETS, file)));
    expect({ width: png.width, height: png.height }).toEqual({ width: size, height: size });
    const colours = new Set<number>();
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      colours.add(png.rgba.readUInt32BE(i));
      if (png.rgba.readUInt32BE(i) === 0xffffffff) white++;
      if (png.rgba[i + 3] === 0) transparent++;
    }
    expect(colours.size).toBeGreaterThan(10);
    expect(white).toBeGreaterThan(0); // the chart and shield
    expect(transparent).toBeGreaterThan(0); // the rounded corners
  });

  test("the committed PNGs hold exactly the pixels scripts/make-icons.js draws", () => {
    // Pixels, not bytes: deflate output may differ between zlib versions.
    for (const { file, size } of icons.ICONS) {
      const committed = readPng(fs.readFileSync(path.join(ASSETS, file))).rgba;
      expect([file, committed.equals(icons.render(size))]).toEqual([file, true]);
    }
  });

  test("the reader decodes a hand-made 2×1 image (sanity check of the test itself)", () => {
    const png = readPng(icons.encodePng(2, 1, Buffer.from([255, 0, 0, 255, 0, 0, 255, 128])));
    expect([...png.rgba]).toEqual([255, 0, 0, 255, 0, 0, 255, 128]);
  });
});
