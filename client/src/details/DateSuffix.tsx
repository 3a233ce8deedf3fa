// A date after the kind line's dot, as precise as the data.
import { formatDate } from '../../../core/model/dates.ts';

/** " · 16 September 2022", or nothing when there is no date. */
export function DateSuffix({ date, precision }: { date: string | null | undefined; precision: unknown }) {
  if (!date) return null;
  return (
    <>
      {' · '}
      <time dateTime={date}>{formatDate(date, precision)}</time>
    </>
  );
}
