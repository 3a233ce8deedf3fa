// The name and description fields of a view, in the save form and the rename form.

/** A view's name and description fields. */
export function ViewFields({
  ids: [nameId, descriptionId],
  nameLabel = 'Name',
  name,
  description,
  onName,
  onDescription,
  autoFocus,
}: {
  /** The ids of the name field and of the description field. */
  ids: [string, string];
  nameLabel?: string;
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label className="field-label" htmlFor={nameId}>
        {nameLabel}
      </label>
      <input
        id={nameId}
        required
        maxLength={200}
        value={name}
        onChange={(e) => onName(e.target.value)}
        autoFocus={autoFocus}
      />
      <label className="field-label" htmlFor={descriptionId}>
        Description
      </label>
      <textarea
        id={descriptionId}
        rows={2}
        value={description}
        onChange={(e) => onDescription(e.target.value)}
      />
    </>
  );
}
