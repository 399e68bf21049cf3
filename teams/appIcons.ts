import { encodePng, type RgbaImage } from './pngImage.js';

/** The app's colour in Teams (accentColor) and the colour icon's background: a dark blue white text reads well on. */
export const ACCENT_COLOR = '#1F5C99';

/** Teams' sizes: a 192×192 full-colour icon and a 32×32 white outline icon on transparency (app manifest, `icons`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Point = readonly [x: number, y: number];

// A speech bubble with three dots, in coordinates from 0 to 1 of the icon.
const BUBBLE = { left: 0.18, right: 0.82, top: 0.2, bottom: 0.66, radius: 0.12 };
const TAIL: readonly [Point, Point, Point] = [
  [0.3, 0.6],
  [0.26, 0.82],
  [0.48, 0.64],
];
const DOTS: readonly Point[] = [
  [0.34, 0.43],
  [0.5, 0.43],
  [0.66, 0.43],
];
const DOT_RADIUS = 0.055;

/** The full-colour icon: a white speech bubble with three dots on the accent colour. */
export function colorIcon(): Buffer {
  const [red, green, blue] = hexColor(ACCENT_COLOR);
  return encodePng(
    draw(COLOR_ICON_SIZE, (x, y) => {
      const white = inBubble(x, y) && !inDot(x, y);
      return white ? [255, 255, 255, 255] : [red, green, blue, 255];
    }),
  );
}

/** The outline icon: the same bubble in white on a transparent background, the dots cut out. */
export function outlineIcon(): Buffer {
  return encodePng(draw(OUTLINE_ICON_SIZE, (x, y) => (inBubble(x, y) && !inDot(x, y) ? [255, 255, 255, 255] : [255, 255, 255, 0])));
}

type Rgba = readonly [number, number, number, number];

/** Paints each pixel as the average of 4×4 samples inside it, so edges are smooth. */
function draw(size: number, colourAt: (x: number, y: number) => Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          colour.forEach((value, channel) => (sum[channel]! += value));
        }
      }
      sum.forEach((value, channel) => (pixels[(py * size + px) * 4 + channel] = Math.round(value / (samples * samples))));
    }
  }
  return { width: size, height: size, pixels };
}

function inBubble(x: number, y: number): boolean {
  return inRoundedRectangle(x, y) || inTriangle([x, y], TAIL);
}

function inRoundedRectangle(x: number, y: number): boolean {
  const { left, right, top, bottom, radius } = BUBBLE;
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inDot(x: number, y: number): boolean {
  return DOTS.some(([dx, dy]) => (x - dx) ** 2 + (y - dy) ** 2 <= DOT_RADIUS ** 2);
}

function inTriangle(p: Point, [a, b, c]: readonly [Point, Point, Point]): boolean {
  const side = (u: Point, v: Point) => (p[0] - v[0]) * (u[1] - v[1]) - (u[0] - v[0]) * (p[1] - v[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function hexColor(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}
