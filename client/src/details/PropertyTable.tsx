// Every stored property of a node or relationship, as a definition list.

const FIRST = ['name', 'title', 'text', 'originalText', 'context', 'summary', 'role', 'actorType', 'country'];
const LABELS: Record<string, string> = {
  originalText: 'original text',
  actorType: 'actor type',
  meetingType: 'meeting type',
  agreementType: 'agreement type',
  datePrecision: 'date precision',
  endDate: 'end date',
  sourceIds: 'source ids',
  documents: 'named in documents',
};

/** A property value as text. */
export function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(propertyText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The properties, the most telling first, the rest alphabetically. */
export function orderedProperties(props: Record<string, unknown>): [string, unknown][] {
  return Object.entries(props).sort(([a], [b]) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a.localeCompare(b);
  });
}

/** The table of properties. */
export function PropertyTable({ properties }: { properties: Record<string, unknown> }) {
  const rows = orderedProperties(properties);
  if (rows.length === 0) return <p className="muted">No properties.</p>;
  return (
    <dl className="properties">
      {rows.map(([key, value]) => (
        <div key={key} className="property">
          <dt>{LABELS[key] ?? key}</dt>
          <dd>{propertyText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
