// A value that follows another after it has stopped changing for `ms` milliseconds.
import { useEffect, useState } from 'react';

/** The debounced value. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
