// A small drawing of a kind's shape and colour, as on the canvas.
import { kindStyle } from '../graph/kinds.ts';

const SHAPES: Record<string, string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.01 0Z',
  'round-rectangle': 'M3 2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  diamond: 'M8 1l7 7-7 7-7-7Z',
  hexagon: 'M4.5 1.5h7L15 8l-3.5 6.5h-7L1 8Z',
  'round-triangle': 'M8 1.5l7 12.5H1Z',
  rectangle: 'M1.5 1.5h13v13h-13Z',
  star: 'M8 1l2 5h5l-4 3.5 1.5 5.5L8 12l-4.5 3L5 9.5 1 6h5Z',
};

/** The kind's swatch (decorative: the kind's name is always written next to it). */
export function KindSwatch({ kind, size = 14 }: { kind: string; size?: number }) {
  const s = kindStyle(kind);
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="swatch">
      <path d={SHAPES[s.shape]} fill={s.color} />
    </svg>
  );
}
