// The seed's entry points for the rest of the project. (Placeholder until the loader lands: the real loader
// validates graph-seed/documents and writes each document in one transaction.)
import type { Db } from '../../server/src/db/database.ts';
import { cypher } from '../../server/src/db/database.ts';

const COUNT = cypher('seedCountEntities', 'MATCH (n) RETURN count(n) AS n');
const PLACEHOLDER = cypher(
  'seedPlaceholder',
  "MERGE (a:Entity:Actor {id: 'actor:xi-jinping'}) SET a.name = 'Xi Jinping', a.kind = 'ACTOR'",
);

/** Loads the seed documents when the database holds no node; returns whether it loaded. */
export async function seedIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  const [row] = await db.read(COUNT);
  if (Number(row?.n ?? 0) > 0) return false;
  await db.write(PLACEHOLDER);
  log('loaded the placeholder seed');
  return true;
}
