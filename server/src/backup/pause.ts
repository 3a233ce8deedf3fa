// Writes pause while a backup reads, so that a backup is the database of one moment. Every write of a saved view
// (server/src/views) starts by taking the write gate's lock and reading whether writes are paused; a backup sets
// the pause in a transaction of its own, which waits for the writes that hold the lock to commit. From then until
// the backup ends, writes are refused with DATABASE_UNAVAILABLE (retryable, "try again in a few seconds"). The
// pause lasts PAUSE_MS unless the backup renews it, so a backup killed halfway holds writes back for at most that.
// A restore pauses writes the same way and also says, through the same pause, why the explorer is not ready
// (maintenanceUnderway, read by /readyz).
import { cypher, int, schemaOnce, type Db, type Tx } from '../../../core/db/database.ts';
import { AppError } from '../../../core/errors.ts';

/** How long a pause lasts unless renewed. */
export const PAUSE_MS = 15_000;

const SCHEMA = cypher(
  'writeGateConstraint',
  'CREATE CONSTRAINT write_gate_id_unique IF NOT EXISTS FOR (g:WriteGate) REQUIRE g.id IS UNIQUE',
);

/** Creates the gate's uniqueness constraint once per database handle, so that concurrent MERGEs make one gate. */
export const ensureWriteGate = schemaOnce([SCHEMA]);

// Writing to the gate takes its lock (a read would not): the count itself is not read by anything.
const ENTER = cypher(
  'writeGateEnter',
  `MERGE (g:WriteGate {id: 'views'})
   SET g.writes = coalesce(g.writes, 0) + 1
   RETURN g.pausedUntil > datetime() AS paused, g.pausedBy AS by`,
);
const PAUSE = cypher(
  'writeGatePause',
  `MERGE (g:WriteGate {id: 'views'})
   SET g.pausedUntil = datetime() + duration({milliseconds: $ms}), g.pausedBy = $by, g.unready = $unready`,
);
const RESUME = cypher(
  'writeGateResume',
  `MATCH (g:WriteGate {id: 'views'}) REMOVE g.pausedUntil, g.pausedBy, g.unready`,
);

const UNREADY = cypher(
  'writeGateUnready',
  `MATCH (g:WriteGate {id: 'views'}) WHERE g.pausedUntil > datetime() RETURN g.unready AS reason`,
);

/** Why the explorer is not ready because of maintenance (a restore under way), or null. */
export async function maintenanceUnderway(db: Db): Promise<string | null> {
  const [row] = await db.read<{ reason: string | null }>(UNREADY);
  return row?.reason ?? null;
}

/** The first statement of every write transaction of a view: DATABASE_UNAVAILABLE while writes are paused. */
export async function enterWriteGate(tx: Tx): Promise<void> {
  const [row] = await tx.run<{ paused: boolean | null; by: string | null }>(ENTER);
  if (row?.paused) {
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `Writes are paused for a moment while ${row.by ?? 'a backup'} runs: nothing was changed. Try again in a few seconds.`,
    );
  }
}

/**
 * Runs `work` with writes paused: when the pause is set, every write that started before has committed, and
 * none commits until `work` ends (the pause is renewed meanwhile, and lifted at the end, also on failure). With
 * `unready`, /readyz says that for as long (maintenanceUnderway).
 */
export async function withWritesPaused<T>(
  db: Db,
  by: string,
  work: () => Promise<T>,
  unready: string | null = null,
): Promise<T> {
  await ensureWriteGate(db);
  const pause = () => db.write(PAUSE, { ms: int(PAUSE_MS), by, unready });
  await pause();
  const renew = setInterval(() => void pause().catch(() => {}), PAUSE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.write(RESUME).catch(() => {});
  }
}
