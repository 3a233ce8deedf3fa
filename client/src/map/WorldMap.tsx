// The world outline under the canvas in map mode: the sea, the land and the borders (outline.ts) as SVG in model
// coordinates, moved with the canvas's pan and zoom, so every located node stays on its place. It takes no
// pointer events: the canvas above it gets them all.
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { worldOutline } from './outline.ts';

// Its few styles are inline (app.css is not this module's): the whole canvas, under it, never in the way.
const MAP_STYLE = {
  position: 'absolute',
  inset: 0,
  width: '100%',
  height: '100%',
  pointerEvents: 'none',
} as const;

/** The world map behind the Cytoscape canvas (rendered before it, so under it). */
export function WorldMap({ cy }: { cy: Core }) {
  // Worked out once per page (outline.ts keeps it).
  const outline = worldOutline();
  const layer = useRef<SVGGElement>(null);
  useEffect(() => {
    // Set on the element, not through React state: pan and zoom fire many times a second while dragging.
    const follow = () => {
      const { x, y } = cy.pan();
      layer.current?.setAttribute('transform', `translate(${x} ${y}) scale(${cy.zoom()})`);
    };
    cy.on('viewport', follow);
    follow();
    return () => {
      cy.off('viewport', follow);
    };
  }, [cy]);
  return (
    <svg className="world-map" aria-hidden="true" data-testid="world-map" style={MAP_STYLE}>
      <g ref={layer}>
        <path d={outline.sphere} fill="#eef3f7" stroke="#b7c6d2" vectorEffect="non-scaling-stroke" />
        <path d={outline.land} fill="#f5f2ea" stroke="#d5cfc0" vectorEffect="non-scaling-stroke" />
        <path d={outline.borders} fill="none" stroke="#d5cfc0" vectorEffect="non-scaling-stroke" />
      </g>
    </svg>
  );
}
