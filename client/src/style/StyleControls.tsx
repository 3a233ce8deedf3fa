// The style rules' controls: Colour by, Size by and Caption by, each a property of the canvas's nodes or a
// measure (a measure not computed yet is computed on choosing it). Only numbers size nodes.
import { useId, useMemo } from 'react';
import type { GraphNode } from '../api/types.ts';
import { isKey, keyOptions, measureOf, type KeyOption, type StyleRules } from './style.ts';

interface Props {
  nodes: GraphNode[];
  rules: StyleRules;
  onStyle: (change: Partial<StyleRules>) => void;
}

/** The three selects. */
export function StyleControls({ nodes, rules, onStyle }: Props) {
  const options = useMemo(() => keyOptions(nodes, rules), [nodes, rules]);
  const numbers = options.filter((o) => o.numeric);
  return (
    <div className="style-controls">
      <RuleSelect
        label="Colour by"
        none="Kind"
        options={options}
        value={rules.colourBy}
        onChange={(colourBy) => onStyle({ colourBy })}
      />
      <RuleSelect
        label="Size by"
        none="Relationships in the graph"
        options={numbers}
        value={rules.sizeBy}
        onChange={(sizeBy) => onStyle({ sizeBy })}
      />
      <RuleSelect
        label="Caption by"
        none="Name"
        options={options}
        value={rules.captionBy}
        onChange={(captionBy) => onStyle({ captionBy })}
      />
    </div>
  );
}

function RuleSelect(props: {
  label: string;
  none: string;
  options: KeyOption[];
  value: StyleRules['colourBy'];
  onChange: (key: StyleRules['colourBy']) => void;
}) {
  const { label, none, options, value, onChange } = props;
  const id = useId();
  const measures = options.filter((o) => measureOf(o.key));
  const properties = options.filter((o) => !measureOf(o.key));
  const item = (o: KeyOption) => (
    <option key={o.key} value={o.key}>
      {o.label}
    </option>
  );
  return (
    // The label names the select alone (it does not wrap it), so the option shown is no part of its name.
    <span className="style-rule">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(isKey(e.target.value) ? e.target.value : null)}
      >
        <option value="">{none}</option>
        <optgroup label="Measures">{measures.map(item)}</optgroup>
        <optgroup label="Properties">{properties.map(item)}</optgroup>
      </select>
    </span>
  );
}
