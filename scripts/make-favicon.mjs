// Writes public/favicon.ico (16, 32 and 48 px) and public/apple-touch-icon.png from
// public/logo.svg, rendered by the same Chromium the e2e tests use. Run it after changing the
// logo: `node scripts/make-favicon.mjs`. An .ico may hold PNG images: a 6-byte header, one
// 16-byte directory entry per image, then the PNGs themselves.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const svg = readFileSync(path.join(root, 'public', 'logo.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const buffer = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return buffer;
}

const sizes = [16, 32, 48];
const images = [];
for (const size of sizes) images.push(await png(size));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((img, i) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(sizes[i] % 256, 0);
  e.writeUInt8(sizes[i] % 256, 1);
  e.writeUInt16LE(1, 4); // colour planes
  e.writeUInt16LE(32, 6); // bits per pixel
  e.writeUInt32LE(img.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += img.length;
  return e;
});
writeFileSync(path.join(root, 'public', 'favicon.ico'), Buffer.concat([header, ...entries, ...images]));
writeFileSync(path.join(root, 'public', 'apple-touch-icon.png'), await png(180));
await browser.close();
console.log('wrote public/favicon.ico and public/apple-touch-icon.png');
