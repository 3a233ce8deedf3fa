// What an analyst's edit may write (server/src/edits checks it; the explorer's forms offer only it).

/** Properties an edit may not set through `properties`: ids, ownership, evidence and bookkeeping. */
export const RESERVED_PROPERTIES: readonly string[] = [
  'id',
  'kind',
  'document',
  'documents',
  'version',
  'basis',
  'inferenceNote',
  'passages',
  'sources',
  'sourceIds',
  'footnote',
  'reliability',
  'reliabilityNote',
  'addedBy',
  'addedAt',
  'editedBy',
  'editedAt',
  'retractedBy',
];

/** A property name an edit may set: a letter, then letters or digits (camelCase), at most 60 characters. */
export const PROPERTY_NAME = /^[a-z][A-Za-z0-9]{0,59}$/;
