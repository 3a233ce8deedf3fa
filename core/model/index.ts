// The graph model, on the lowest floor: node kinds, relationship types (with the kinds they join), ids and
// dates. It imports nothing from server/, graph-seed/ or client/; all three import it.
export * from './kinds.ts';
export * from './ids.ts';
export * from './dates.ts';
export * from './evidence.ts';
export * from './documents.ts';
export * from './edits.ts';
