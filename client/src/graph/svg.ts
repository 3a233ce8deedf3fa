// The canvas as SVG: every drawn node (its kind's shape and colour), relationship (straight, dashed when inferred,
// with its arrow) and label, in Cytoscape's model coordinates moved to start at the padding. The shapes and the
// escaping are pure (tested); reading the drawn elements is Cytoscape's part.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/** The graph as SVG elements, and the size of the box that holds them. */
export interface SvgGraph {
  width: number;
  height: number;
  body: string;
}

/** Text made safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** A style property as Cytoscape computed it ("rgb(37,99,201)", "ellipse"), and as a number ("1.4px" → 1.4). */
const css = (el: NodeSingular | EdgeSingular, name: string) => String(el.style(name) ?? '');
const px = (el: NodeSingular | EdgeSingular, name: string) => parseFloat(css(el, name)) || 0;

const n = (v: number) => String(Math.round(v * 10) / 10);
const points = (ps: [number, number][]) => ps.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');

/** One node's shape as an SVG element, centred on (x, y), `w` by `h`, with its fill and stroke attributes. */
export function shapeElement(
  shape: string,
  x: number,
  y: number,
  w: number,
  h: number,
  paint: string,
): string {
  const [l, r, t, b] = [x - w / 2, x + w / 2, y - h / 2, y + h / 2];
  switch (shape) {
    case 'rectangle':
    case 'round-rectangle':
      return `<rect x="${n(l)}" y="${n(t)}" width="${n(w)}" height="${n(h)}"${shape === 'round-rectangle' ? ` rx="${n(Math.min(w, h) / 6)}"` : ''} ${paint}/>`;
    case 'diamond':
      return `<polygon points="${points([
        [x, t],
        [r, y],
        [x, b],
        [l, y],
      ])}" ${paint}/>`;
    case 'hexagon':
      return `<polygon points="${points([
        [l, y],
        [l + w / 4, t],
        [r - w / 4, t],
        [r, y],
        [r - w / 4, b],
        [l + w / 4, b],
      ])}" ${paint}/>`;
    case 'triangle':
    case 'round-triangle':
      return `<polygon points="${points([
        [x, t],
        [r, b],
        [l, b],
      ])}" ${paint}/>`;
    default:
      return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${paint}/>`;
  }
}

/** The drawn graph as SVG (what is hidden or filtered out is left out, as on the canvas). */
export function graphSvg(cy: Core, padding = 24): SvgGraph {
  const shown = cy.elements(':visible');
  const box = shown.boundingBox({ includeLabels: true });
  if (shown.empty() || !Number.isFinite(box.x1)) return { width: 2 * padding, height: 2 * padding, body: '' };
  const [dx, dy] = [padding - box.x1, padding - box.y1];
  const parts: string[] = [
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" ' +
      'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  ];
  shown.edges().forEach((e) => {
    const [a, z] = [e.sourceEndpoint(), e.targetEndpoint()];
    if (![a.x, a.y, z.x, z.y].every(Number.isFinite)) return;
    const dash = css(e, 'line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<line x1="${n(a.x + dx)}" y1="${n(a.y + dy)}" x2="${n(z.x + dx)}" y2="${n(z.y + dy)}" ` +
        `stroke="${escapeXml(css(e, 'line-color'))}" stroke-width="${n(px(e, 'width'))}" ` +
        `opacity="${n(px(e, 'opacity'))}"${dash} marker-end="url(#arrow)"/>`,
    );
  });
  // Groups' boxes (client/src/groups) first, under their members, as pale as on the canvas.
  for (const node of [...shown.nodes(':parent'), ...shown.nodes(':childless')]) {
    const p = node.position();
    const fill = px(node, 'background-opacity');
    const paint =
      `fill="${escapeXml(css(node, 'background-color'))}"${fill < 1 ? ` fill-opacity="${n(fill)}"` : ''} ` +
      `stroke="${escapeXml(css(node, 'border-color'))}" ` +
      `stroke-width="${n(px(node, 'border-width'))}" opacity="${n(px(node, 'opacity'))}"`;
    parts.push(shapeElement(css(node, 'shape'), p.x + dx, p.y + dy, node.width(), node.height(), paint));
  }
  // Labels last, above every shape, as the canvas draws the ones it keeps (graph/labels.ts hides the others).
  shown.nodes().forEach((node) => {
    const label = node.hasClass('no-label') ? '' : css(node, 'label');
    if (!label) return;
    const b = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (!Number.isFinite(b.x1)) return;
    parts.push(
      `<text x="${n((b.x1 + b.x2) / 2 + dx)}" y="${n((b.y1 + b.y2) / 2 + dy)}" text-anchor="middle" ` +
        `dominant-baseline="central" font-family="sans-serif" font-size="${n(px(node, 'font-size'))}" ` +
        `fill="${escapeXml(css(node, 'color'))}" paint-order="stroke" stroke="#ffffff" ` +
        `stroke-width="3">${escapeXml(label)}</text>`,
    );
  });
  return { width: box.w + 2 * padding, height: box.h + 2 * padding, body: parts.join('\n') };
}
