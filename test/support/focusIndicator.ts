import type { Page } from 'playwright-core';

/** How the focused element shows its focus, measured from computed styles. */
export interface FocusIndicator {
  /** A short description of the focused element, for failure messages. */
  element: string;
  style: string;
  /** Outline width in CSS pixels; an outline is drawn on all four sides. */
  width: number;
  /** Contrast ratio of the outline colour against what lies right behind it. */
  contrast: number;
  /** The sides of the ring that an ancestor's overflow clipping cuts off (a ring cut at its sides looks like a divider). */
  clippedSides: string[];
}

/**
 * Reads the outline of `document.activeElement` and compares its colour with the backdrop it is drawn
 * on: the element's own background for a ring drawn inside (negative offset), otherwise whatever is
 * painted just outside the ring (found with elementsFromPoint, so an element laid over another is
 * measured against what is really behind it). Transparent layers are walked up to an opaque one.
 */
export function focusIndicator(page: Page): Promise<FocusIndicator | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    const offset = parseFloat(style.outlineOffset) || 0;

    const rgba = (color: string): number[] => {
      const parts = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const opaqueBackground = (start: Element | null): number[] => {
      for (let node = start; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3]! > 0.5) return color;
      }
      return [255, 255, 255, 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let backdrop: number[];
    if (offset < 0) {
      backdrop = opaqueBackground(element);
    } else {
      const rect = element.getBoundingClientRect();
      const x = Math.max(0, rect.left - offset - width - 1);
      const y = rect.top + rect.height / 2;
      const behind = document.elementsFromPoint(x, y).find((node) => node !== element && !element.contains(node)) ?? null;
      backdrop = opaqueBackground(behind);
    }
    const [l1, l2] = [luminance(rgba(style.outlineColor)), luminance(backdrop)].sort((a, b) => b - a) as [number, number];
    // The ring's outer edge: outside the element by offset + width, or the element's own box for a ring drawn inside.
    const box = element.getBoundingClientRect();
    const reach = offset >= 0 ? offset + width : 0;
    const ring = { top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach, left: box.left - reach };
    const clipped = new Set<string>();
    for (let node = element.parentElement; node && width > 0; node = node.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(node);
      const clipsX = overflowX !== 'visible';
      const clipsY = overflowY !== 'visible';
      if (!clipsX && !clipsY) continue;
      const edge = node.getBoundingClientRect();
      // Half a pixel of rounding is allowed; less than that is not seen.
      if (clipsY && ring.top < edge.top + node.clientTop - 0.5) clipped.add('top');
      if (clipsY && ring.bottom > edge.top + node.clientTop + node.clientHeight + 0.5) clipped.add('bottom');
      if (clipsX && ring.left < edge.left + node.clientLeft - 0.5) clipped.add('left');
      if (clipsX && ring.right > edge.left + node.clientLeft + node.clientWidth + 0.5) clipped.add('right');
    }
    const label = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
    return {
      element: label,
      style: style.outlineStyle,
      width,
      contrast: (l1 + 0.05) / (l2 + 0.05),
      clippedSides: [...clipped].sort(),
    };
  });
}
