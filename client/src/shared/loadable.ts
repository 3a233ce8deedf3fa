// Loading and error states as one explicit union, so every panel shows what is happening.

export type Loadable<T> =
  | { type: 'idle' }
  | { type: 'loading' }
  | { type: 'error'; message: string; code?: string }
  | { type: 'ready'; value: T };

export const idle: Loadable<never> = { type: 'idle' };
export const loading: Loadable<never> = { type: 'loading' };

/** A ready value. */
export function ready<T>(value: T): Loadable<T> {
  return { type: 'ready', value };
}

/** A failure with the sentence shown to the user and the API's error code. */
export function failed(message: string, code?: string): Loadable<never> {
  return code === undefined ? { type: 'error', message } : { type: 'error', message, code };
}
