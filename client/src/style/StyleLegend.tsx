// What the style rules mean, in the legend: "Colour: country" with each value's swatch and count (or the ramp from
// the smallest value to the largest), "Size: Betweenness" with its range, "Caption: actorType".
import { keyLabel, numberText, type StyleLegend as Legend } from './style.ts';
import './style.css';

const PENDING = 'computing the measures…';

/** The active rules' part of the legend; nothing when no rule is on. */
export function StyleLegend({ legend }: { legend: Legend }) {
  const { colour, size, caption } = legend;
  if (!colour && !size && !caption) return null;
  return (
    <div className="style-legend" data-testid="style-legend">
      {colour && (
        <>
          <h3>Colour: {keyLabel(colour.key)}</h3>
          {colour.type === 'pending' && <p className="muted small">{PENDING}</p>}
          {colour.type === 'categories' && (
            <ul aria-label={`Colours by ${keyLabel(colour.key)}`}>
              {colour.categories.map((c) => (
                <li key={c.value}>
                  <span className="style-swatch" style={{ background: c.colour }} aria-hidden="true" />
                  <span className="legend-name">{c.value}</span>
                  <span className="legend-count">{c.count}</span>
                </li>
              ))}
            </ul>
          )}
          {colour.type === 'ramp' && (
            <p className="small style-ramp">
              <span>{numberText(colour.min)}</span>
              <span
                className="style-ramp-bar"
                style={{ background: `linear-gradient(to right, ${colour.ramp.join(', ')})` }}
                aria-hidden="true"
              />
              <span>{numberText(colour.max)}</span>
              {colour.none > 0 && <span className="muted"> ({colour.none} without a value: grey)</span>}
            </p>
          )}
          <p className="muted small">The shape still tells the kind.</p>
        </>
      )}
      {size && (
        <p className="small">
          <strong>Size: {keyLabel(size.key)}</strong>{' '}
          {'type' in size
            ? PENDING
            : `${numberText(size.min)} – ${numberText(size.max)}, smallest to largest${
                size.none > 0 ? ` (${size.none} without a value: smallest)` : ''
              }`}
        </p>
      )}
      {caption && (
        <p className="small">
          <strong>Caption: {keyLabel(caption.key)}</strong> (the name where a node has none)
        </p>
      )}
    </div>
  );
}
