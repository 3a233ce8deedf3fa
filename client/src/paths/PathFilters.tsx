// The paths question's filters: relationship types, a time window, the longest path.
import { filterOn, toggleType, type PathFilterForm } from './paths.ts';

interface Props {
  form: PathFilterForm;
  onForm: (update: (form: PathFilterForm) => PathFilterForm) => void;
  relationshipTypes: readonly string[];
}

/** The collapsible filters of the paths form. */
export function PathFilters({ form, onForm, relationshipTypes }: Props) {
  return (
    <details className="filters">
      <summary>Filters{filterOn(form) ? ' (on)' : ''}</summary>
      <fieldset>
        <legend>Relationship types (none ticked: all)</legend>
        <div className="type-grid">
          {relationshipTypes.map((t) => (
            <label key={t} className="check">
              <input
                type="checkbox"
                checked={form.types.includes(t)}
                onChange={() => onForm((f) => ({ ...f, types: toggleType(f.types, t) }))}
              />
              {t}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <DateField label="Since" value={form.since} onChange={(since) => onForm((f) => ({ ...f, since }))} />
        <DateField label="Until" value={form.until} onChange={(until) => onForm((f) => ({ ...f, until }))} />
      </div>
      <label>
        Longest path{' '}
        <select
          value={form.maxLength}
          onChange={(e) => {
            const maxLength = Number(e.target.value);
            onForm((f) => ({ ...f, maxLength }));
          }}
        >
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n} {n === 1 ? 'step' : 'steps'}
            </option>
          ))}
        </select>
      </label>
    </details>
  );
}

/** One end of the time window. */
function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (date: string) => void;
}) {
  return (
    <label>
      {label} <input type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
