import { expect, test, type Page } from '@playwright/test';
import { PAGES, url } from './helpers.js';

// Every diagram of every page, in both themes: each text against what is painted behind it
// (WCAG 1.4.3, 4.5:1) and each line or outline against its surroundings (WCAG 1.4.11, 3:1),
// from the colours the browser computes once the theme's CSS variables are applied.

interface Failure {
  diagram: string;
  element: string;
  ratio: number;
  min: number;
}

/** Runs in the page: the contrast failures of every `figure.diagram svg`. */
function contrastFailures(): Failure[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba | undefined => {
    const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(css);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as Rgba;
  };
  const luminance = ([r, g, b]: Rgba) =>
    [r, g, b].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The page colour behind an element: the first opaque-ish background among its ancestors. */
  const pageBackground = (el: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] === 1) break;
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  /** What is painted at a point of the diagram, under `self`: the fill of the topmost filled shape, else the page. */
  const backdropAt = (svg: SVGSVGElement, x: number, y: number, self: Element): Rgba => {
    const base = pageBackground(svg);
    const shapes = document.elementsFromPoint(x, y).filter((e) => e !== self && !self.contains(e) && svg.contains(e) && e !== svg && !(e instanceof SVGTextContentElement));
    const filled = shapes.map((e) => parse(getComputedStyle(e).fill)).filter((c): c is Rgba => !!c && c[3] > 0);
    return filled.reduceRight<Rgba>((below, layer) => over(layer, below), base);
  };
  const screenPoint = (el: SVGGraphicsElement, p: { x: number; y: number }) => {
    const m = el.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  };
  const describe = (el: Element) => `<${el.tagName} ${el.getAttribute('class') ?? ''}> ${(el.textContent ?? '').trim().slice(0, 40)}`.trim();

  const failures: Failure[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>('figure.diagram svg')) {
    svg.scrollIntoView();
    const diagram = svg.querySelector('title')?.textContent ?? '(untitled)';
    const check = (el: Element, color: Rgba | undefined, behind: Rgba, min: number) => {
      if (!color || color[3] === 0) return;
      const r = ratio(over(color, behind), behind);
      if (r < min) failures.push({ diagram, element: describe(el), ratio: Math.round(r * 100) / 100, min });
    };
    for (const text of svg.querySelectorAll<SVGTextElement | SVGTSpanElement>('text, tspan')) {
      const box = text.getBoundingClientRect();
      const behind = backdropAt(svg, box.x + box.width / 2, box.y + box.height / 2, text);
      // A coloured tspan is a legend swatch (a graphic, 3:1); the words are text (4.5:1).
      check(text, parse(getComputedStyle(text).fill), behind, text instanceof SVGTSpanElement && text.getAttribute('class') ? 3 : 4.5);
    }
    for (const shape of svg.querySelectorAll<SVGGeometryElement>('rect, path, line, circle, ellipse, polyline, polygon')) {
      if (shape.closest('marker, defs')) continue;
      const style = getComputedStyle(shape);
      const stroke = parse(style.stroke);
      if (!stroke || style.strokeWidth === '0px') continue;
      // An open path or line has no area: its (default black) fill paints nothing.
      const closed = !(shape instanceof SVGPathElement || shape instanceof SVGLineElement || shape instanceof SVGPolylineElement) || /z\s*$/i.test(shape.getAttribute('d') ?? '');
      const ownFill = closed ? parse(style.fill) : undefined;
      const length = shape.getTotalLength();
      // Outside the outline: sample just off a point of the stroke; inside a filled shape: its own fill.
      const onStroke = screenPoint(shape, shape.getPointAtLength(length / 3));
      const behind = backdropAt(svg, onStroke.x, onStroke.y, shape);
      check(shape, stroke, behind, 3);
      if (ownFill && ownFill[3] > 0) check(shape, stroke, over(ownFill, behind), 3);
    }
  }
  return failures;
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.locator('starlight-theme-select select').first().selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['dark', 'light'] as const) {
  for (const slug of PAGES) {
    test(`diagrams of ${slug} have enough contrast in the ${theme} theme`, async ({ page }) => {
      await page.goto(url(`${slug}/`));
      await setTheme(page, theme);
      await expect(page.locator('figure.diagram svg').first()).toBeVisible();
      expect(await page.evaluate(contrastFailures)).toEqual([]);
    });
  }
}

test('the contrast check catches a diagram that ignores the theme', async ({ page }) => {
  await page.goto(url('pods/'));
  await setTheme(page, 'light');
  await page.evaluate(() => {
    const figure = document.querySelector('figure.diagram')!;
    figure.insertAdjacentHTML(
      'afterend',
      '<figure class="diagram"><svg viewBox="0 0 200 60"><title>bad</title><text x="10" y="30" style="fill: #ddd">pale text</text><path d="M10 50 L190 50" style="stroke: #eee" /></svg></figure>',
    );
  });
  const failures = await page.evaluate(contrastFailures);
  expect(failures.filter((f) => f.diagram === 'bad').map((f) => f.element)).toEqual(['<text > pale text', '<path >']);
});
