// What the figures were measured on: the machine, Node, and the Neo4j that answered.
import os from 'node:os';
import { cypher, type Db } from '../core/db/database.ts';

export interface Machine {
  cpus: number;
  cpuModel: string | undefined;
  memoryGiB: number;
  loadAverage: number[];
  node: string;
  platform: string;
  neo4j?: { version?: string; edition?: string; pagecache?: string; heapMaxMiB?: number };
}

const COMPONENTS = cypher(
  'benchNeo4jComponents',
  'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
);
const PAGECACHE = cypher(
  'benchNeo4jPagecache',
  "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value",
);
const HEAP = cypher(
  'benchNeo4jHeap',
  "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.max AS max",
);

/** The machine's cores and memory, and (when a database is given) Neo4j's version, page cache and heap. */
export async function machineInfo(db?: Db): Promise<Machine> {
  const m: Machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
  if (db) {
    m.neo4j = {};
    const attempt = async (f: () => Promise<void>) => f().catch(() => {});
    await attempt(async () => {
      const [r] = await db.read(COMPONENTS);
      m.neo4j!.version = String(r?.version);
      m.neo4j!.edition = String(r?.edition);
    });
    await attempt(async () => {
      const [r] = await db.read(PAGECACHE);
      m.neo4j!.pagecache = String(r?.value);
    });
    await attempt(async () => {
      const [r] = await db.read(HEAP);
      m.neo4j!.heapMaxMiB = Math.round(Number(r?.max) / 2 ** 20);
    });
  }
  return m;
}
