// Centring on a node survives the canvas changing size (issue 13: a row of the table centres its node, and the
// table's rows coming in after the click resize the canvas).
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { centreOn, refitOnResize } from './canvas.ts';

function canvas(width: number, height: number) {
  const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' }, position: { x: 100, y: 50 } }] });
  const size = { width, height };
  vi.spyOn(cy, 'width').mockImplementation(() => size.width);
  vi.spyOn(cy, 'height').mockImplementation(() => size.height);
  // A headless canvas draws no frames, so an animation never ends: this one ends at once.
  vi.spyOn(cy, 'animate').mockImplementation(((
    to: { zoom: number; pan: { x: number; y: number } },
    params?: { complete?: () => void },
  ) => {
    cy.viewport({ zoom: to.zoom, pan: to.pan });
    params?.complete?.();
    return cy;
  }) as unknown as Core['animate']);
  return { cy, size };
}

const offCentre = (cy: Core) => {
  const p = cy.getElementById('a').renderedPosition();
  return { x: p.x - cy.width() / 2, y: p.y - cy.height() / 2 };
};

describe('centring on a node', () => {
  it('centres it again when the canvas changes size before anyone moved the view', () => {
    const { cy, size } = canvas(800, 600);
    const controller = refitOnResize(cy);
    centreOn(cy, 'a');
    expect(offCentre(cy)).toEqual({ x: 0, y: 0 });
    // The panel below the canvas grows: the canvas is smaller now.
    size.width = 500;
    size.height = 240;
    cy.emit('resize');
    expect(offCentre(cy)).toEqual({ x: 0, y: 0 });
    controller.dispose();
  });

  it('leaves the view alone once the analyst has moved it', () => {
    const { cy, size } = canvas(800, 600);
    const controller = refitOnResize(cy);
    centreOn(cy, 'a');
    cy.panBy({ x: 40, y: 0 });
    size.width = 500;
    cy.emit('resize');
    expect(offCentre(cy).x).not.toBe(0);
    controller.dispose();
  });
});
