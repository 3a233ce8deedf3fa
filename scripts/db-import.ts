// `npm run db:import -- --synthetic <nodes> [--yes]`: loads a large initial graph through Neo4j's offline importer
// (`neo4j-admin database import full`, from the jars already fetched) into the project's own Neo4j
// (NEO4J_DATA_DIR, default .neo4j/dev), which must be stopped. The transactional loader (npm run seed,
// seed:synthetic) stays for documents; this is for a whole graph at once, a few times faster.
//
// Steps: validate every node and relationship (nothing is written before all pass); write the importer's CSV files
// to a temporary folder, row by row; import into a staging home beside the data folder; start Neo4j there once to
// create the constraints and indexes the seed loader makes (ensureSchema) and wait until they are online; only
// then swap the staged `data` folder in. A failure at any step leaves the data folder as it was.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDatabaseConfig } from '../core/config.ts';
import { CliError, parseOptions, runCli } from '../core/cli.ts';
import { createDb, cypher, type Db } from '../core/db/database.ts';
import { CITES, KIND_LABELS, RELATIONSHIP_TYPE_NAMES, type NodeKind } from '../core/model/index.ts';
import { ensureSchema, type NodeInput, type RelationshipInput } from '../graph-seed/src/load.ts';
import { planSynthetic, syntheticRecords, type SyntheticPlan } from '../graph-seed/src/synthetic/model.ts';
import { duration, thousands } from '../graph-seed/src/synthetic/progress.ts';
import { ARRAY_DELIMITER, ARRAY_DELIMITER_OPTION, Columns, CsvFile, CsvValueError } from './db-import-csv.ts';
import { LocalNeo4jError, launcherRunning, runAdminTool, startLocalNeo4j } from '../neo4j/local.ts';

/** The database the explorer uses inside the project's own Neo4j. */
const DATABASE = 'neo4j';

/** A node with the relationships it owns, as the seed loader's writers take them (graph-seed/src/load.ts). */
export interface GraphRecord {
  node: NodeInput;
  relationships: RelationshipInput[];
}

/** Why an import did not happen; the data folder is as it was. */
export class BulkImportError extends Error {}

const TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);

/** A node's properties as writeNodes stores them (its id is the importer's ID column, stored as `id`). */
function nodeProps(n: NodeInput): NodeInput['props'] {
  const props: NodeInput['props'] = { ...n.props, kind: n.kind };
  delete props.id;
  return props;
}

/** A citation's properties, as writeCitations stores them. */
const citationProps = (n: NodeInput) => ({ document: n.document ?? n.props.document ?? null });

const nodeWhere = (n: NodeInput) => `node ${n.id}`;
const relWhere = (r: RelationshipInput) =>
  `relationship ${String(r.props.id)} (${r.from} -${r.type}-> ${r.to})`;

/** Runs `check`, naming `where` in the error it throws. */
function at<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof CsvValueError) throw new BulkImportError(`${where}: ${e.message}`);
    throw e;
  }
}

/** What the first pass learnt: the columns of each file and the nodes' ids. */
interface Survey {
  nodeColumns: Map<NodeKind, Columns>;
  relationshipColumns: Columns;
  nodeIds: Set<string>;
  sourceIds: Set<string>;
}

/**
 * The first pass, which writes nothing: every node's kind is known and its id unique, every relationship's type is
 * known, and each property has one type throughout (the CSV header's); collects the columns and the ids.
 */
export function survey(records: Iterable<GraphRecord>): Survey {
  const s: Survey = {
    nodeColumns: new Map(),
    relationshipColumns: new Columns(),
    nodeIds: new Set(),
    sourceIds: new Set(),
  };
  for (const { node, relationships } of records) {
    const where = nodeWhere(node);
    if (!node.id) throw new BulkImportError(`a node of kind ${node.kind} has no id`);
    if (!KIND_LABELS[node.kind]) throw new BulkImportError(`${where}: unknown kind ${String(node.kind)}`);
    if (s.nodeIds.has(node.id)) throw new BulkImportError(`${where}: the id appears twice`);
    s.nodeIds.add(node.id);
    if (node.kind === 'SOURCE') s.sourceIds.add(node.id);
    let columns = s.nodeColumns.get(node.kind);
    if (!columns) s.nodeColumns.set(node.kind, (columns = new Columns()));
    at(where, () => columns.observe(nodeProps(node)));
    if (node.sources?.length) at(where, () => s.relationshipColumns.observe(citationProps(node)));
    for (const r of relationships) {
      if (!TYPES.has(r.type)) throw new BulkImportError(`${relWhere(r)}: unknown type`);
      at(relWhere(r), () => s.relationshipColumns.observe(r.props));
    }
  }
  return s;
}

/** The importer's input: the CSV files written, what they hold, and whether a field spans lines. */
export interface ImportFiles {
  nodeFiles: string[];
  relationshipFile: string;
  nodes: number;
  relationships: number;
  citations: number;
  multiline: boolean;
}

/**
 * The second pass: writes one node file per kind (`id:ID`, `:LABEL`, typed properties) and one relationship file
 * (`:START_ID`, `:END_ID`, `:TYPE`, typed properties; CITES included) into `dir`, refusing a relationship whose
 * end, or a citation whose source, is not a node of the graph.
 */
export function writeImportFiles(dir: string, records: Iterable<GraphRecord>, s: Survey): ImportFiles {
  const nodeFiles = new Map<NodeKind, CsvFile>();
  for (const [kind, columns] of s.nodeColumns) {
    const file = path.join(dir, `nodes-${kind.toLowerCase()}.csv`);
    nodeFiles.set(kind, new CsvFile(file, ['id:ID', ':LABEL'], columns.list()));
  }
  const rels = new CsvFile(
    path.join(dir, 'relationships.csv'),
    [':START_ID', ':END_ID', ':TYPE'],
    s.relationshipColumns.list(),
  );
  let relationships = 0;
  let citations = 0;
  try {
    for (const { node, relationships: owned } of records) {
      const labels = ['Entity', KIND_LABELS[node.kind]].join(ARRAY_DELIMITER);
      at(nodeWhere(node), () => nodeFiles.get(node.kind)!.write([node.id, labels], nodeProps(node)));
      for (const source of new Set(node.sources ?? [])) {
        if (!s.sourceIds.has(source))
          throw new BulkImportError(
            `${nodeWhere(node)}: cites ${source}, which is not a source of the graph`,
          );
        at(nodeWhere(node), () => rels.write([node.id, source, CITES], citationProps(node)));
        citations++;
      }
      for (const r of owned) {
        for (const end of [r.from, r.to]) {
          if (!s.nodeIds.has(end))
            throw new BulkImportError(`${relWhere(r)}: ${end} is not a node of the graph`);
        }
        at(relWhere(r), () => rels.write([r.from, r.to, r.type], r.props));
        relationships++;
      }
    }
  } finally {
    for (const f of nodeFiles.values()) f.close();
    rels.close();
  }
  const files = [...nodeFiles.values()];
  return {
    nodeFiles: files.map((f) => f.path),
    relationshipFile: rels.path,
    nodes: files.reduce((sum, f) => sum + f.rows, 0),
    relationships,
    citations,
    multiline: rels.multiline || files.some((f) => f.multiline),
  };
}

/**
 * The import tool's own explanation (it runs with --verbose for it): the block that names the file, line, field and
 * value at fault, or else the lines after "IMPORT FAILED", without the stack trace.
 */
function importFailure(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  const isFrame = (l: string) => l.startsWith('at ') || l.startsWith('...');
  let from = lines.findIndex((l) => l.includes('ERROR in input'));
  if (from < 0) from = lines.findIndex((l) => l.startsWith('IMPORT FAILED'));
  const block: string[] = [];
  for (const line of lines.slice(Math.max(0, from))) {
    if (isFrame(line)) {
      if (block.length > 0 && from >= 0) break;
      continue;
    }
    if (line) block.push(line.replace(/^.*(ERROR in input)/, '$1'));
    if (block.length >= 8) break;
  }
  return block.join(' | ');
}

/** Runs `neo4j-admin database import full` into the (empty) home `home`; returns the tool's summary lines. */
function runImportTool(home: string, files: ImportFiles, reportFile: string): string {
  try {
    const output = runAdminTool(home, [
      'database',
      'import',
      'full',
      '--verbose',
      ...files.nodeFiles.map((f) => `--nodes=${f}`),
      `--relationships=${files.relationshipFile}`,
      `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
      // Validated data has no bad entries: any the tool finds is a failure, not something to skip.
      '--bad-tolerance=0',
      `--multiline-fields=${files.multiline}`,
      `--report-file=${reportFile}`,
      DATABASE,
    ]);
    return output
      .split('\n')
      .filter(
        (l) =>
          /IMPORT DONE|Imported:|Peak memory/.test(l) ||
          /^\s+\d[\d,]* (nodes|relationships|properties)/.test(l),
      )
      .map((l) => l.trim())
      .join(' ');
  } catch (e) {
    if (e instanceof LocalNeo4jError) {
      throw new BulkImportError(`neo4j-admin database import failed: ${importFailure(e.message)}`);
    }
    throw e;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const INDEX_STATES = cypher(
  'importIndexStates',
  'SHOW INDEXES YIELD name, state, populationPercent RETURN name, state, populationPercent',
);

/** Waits until every index is online; throws if one failed. */
async function waitForIndexes(db: Db, log: (line: string) => void): Promise<void> {
  for (;;) {
    const rows = await db.read<{ name: string; state: string; populationPercent: number }>(INDEX_STATES);
    const failed = rows.find((r) => r.state === 'FAILED');
    if (failed) throw new BulkImportError(`index ${failed.name} failed to populate`);
    const pending = rows.filter((r) => r.state !== 'ONLINE');
    if (pending.length === 0) return;
    log(`indexes populating: ${pending.map((r) => `${r.name} ${Number(r.populationPercent)}%`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

/** Starts Neo4j on the staged home, once, to create the schema the app expects and wait until it is online. */
async function createSchema(
  home: string,
  memory: { heapMiB?: number; pagecacheMiB?: number },
  log: (line: string) => void,
): Promise<void> {
  const neo4j = await startLocalNeo4j({
    port: await freePort(),
    dataDir: home,
    heapMiB: memory.heapMiB,
    pagecacheMiB: memory.pagecacheMiB,
    txTimeoutSeconds: 3_600,
  });
  const db = createDb({ uri: neo4j.uri, txTimeoutMs: 3_600_000 });
  try {
    try {
      await ensureSchema(db);
    } catch {
      // ensureSchema waits 120 s at most for the indexes: a large graph may need longer. Wait for them, then
      // run it again, which finishes at once, or fails again for a reason other than time.
      await waitForIndexes(db, log);
      await ensureSchema(db);
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

export interface BulkImportOptions {
  /** The project's own Neo4j's data folder (its home). */
  dataDir: string;
  /** The graph; called twice (a validating pass, then the writing pass), each call a fresh stream. */
  records: () => Iterable<GraphRecord>;
  /** Replace an existing database. */
  replace?: boolean;
  heapMiB?: number;
  pagecacheMiB?: number;
  log?: (line: string) => void;
}

/** What was imported and how long each step took (seconds). */
export interface BulkImportResult extends Omit<ImportFiles, 'nodeFiles' | 'relationshipFile' | 'multiline'> {
  validateSeconds: number;
  csvSeconds: number;
  importSeconds: number;
  schemaSeconds: number;
  totalSeconds: number;
}

/** True when `dataDir` holds a database (the explorer's): an import would replace it. */
export const databaseExists = (dataDir: string) =>
  existsSync(path.join(dataDir, 'data', 'databases', DATABASE));

/** Validates, writes the CSV files, imports into a staging home, creates the schema, then swaps it in. */
export async function bulkImport(options: BulkImportOptions): Promise<BulkImportResult> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const refuseIfRunning = () => {
    if (launcherRunning(dataDir)) {
      throw new BulkImportError(
        `the Neo4j of ${dataDir} is running: stop it first (Ctrl-C in npm start or npm run db)`,
      );
    }
  };
  refuseIfRunning();
  if (databaseExists(dataDir) && !options.replace) {
    throw new BulkImportError(
      `${dataDir} already holds a database: an import replaces it; add --yes to go ahead`,
    );
  }
  const started = performance.now();
  const seconds = (from: number) => (performance.now() - from) / 1000;

  log('validating…');
  const s = survey(options.records());
  const validateSeconds = seconds(started);

  const staging = `${dataDir}.importing`;
  const csvDir = mkdtempSync(path.join(tmpdir(), 'kg-import-'));
  rmSync(staging, { recursive: true, force: true });
  try {
    log(`validated ${thousands(s.nodeIds.size)} nodes in ${duration(validateSeconds)}; writing CSV files…`);
    let from = performance.now();
    const files = writeImportFiles(csvDir, options.records(), s);
    const csvSeconds = seconds(from);

    log(
      `wrote ${thousands(files.nodes)} nodes, ${thousands(files.relationships)} relationships and ` +
        `${thousands(files.citations)} citations in ${duration(csvSeconds)}; importing…`,
    );
    from = performance.now();
    mkdirSync(staging, { recursive: true });
    const summary = runImportTool(staging, files, path.join(csvDir, 'import.report'));
    const importSeconds = seconds(from);
    log(`neo4j-admin: ${summary}`);
    rmSync(csvDir, { recursive: true, force: true });

    log(`imported in ${duration(importSeconds)}; creating the constraints and indexes…`);
    from = performance.now();
    await createSchema(staging, options, log);
    const schemaSeconds = seconds(from);

    // The swap: the old data folder aside, the staged one in, the old one gone.
    refuseIfRunning();
    mkdirSync(dataDir, { recursive: true });
    const live = path.join(dataDir, 'data');
    const replaced = path.join(dataDir, 'data.replaced');
    rmSync(replaced, { recursive: true, force: true });
    if (existsSync(live)) renameSync(live, replaced);
    renameSync(path.join(staging, 'data'), live);
    rmSync(replaced, { recursive: true, force: true });

    const { nodes, relationships, citations } = files;
    return {
      nodes,
      relationships,
      citations,
      validateSeconds,
      csvSeconds,
      importSeconds,
      schemaSeconds,
      totalSeconds: seconds(started),
    };
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

const USAGE = `usage: npm run db:import -- --synthetic N [--seed S] [--hubs H] [--hub-degree D] [--yes]
  Loads a whole graph through Neo4j's offline importer into the project's own Neo4j (NEO4J_DATA_DIR, default
  .neo4j/dev), which must be stopped; NEO4J_HEAP_MIB and NEO4J_PAGECACHE_MIB size the start that creates the indexes.
  --synthetic N    the synthetic graph of N nodes: the same graph as \`npm run seed:synthetic -- --nodes N\`
  --seed, --hubs, --hub-degree   as for seed:synthetic
  --yes            replace the database the data folder already holds`;

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${name} must be a whole number, got "${value}"`);
  return n;
}

async function main(): Promise<number> {
  const values = parseOptions({ values: ['synthetic', 'seed', 'hubs', 'hub-degree'], flags: ['yes'] }, USAGE);
  if (values.synthetic === undefined) throw new CliError(USAGE);
  let plan: SyntheticPlan;
  try {
    plan = planSynthetic({
      nodes: wholeNumber(values.synthetic, '--synthetic')!,
      seed: wholeNumber(values.seed, '--seed'),
      hubs: wholeNumber(values.hubs, '--hubs'),
      hubDegree: wholeNumber(values['hub-degree'], '--hub-degree'),
    });
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(e.message.replace('--nodes', '--synthetic'));
    throw e;
  }
  const config = loadDatabaseConfig();
  const result = await bulkImport({
    dataDir: config.localNeo4jDataDir,
    records: () => syntheticRecords(plan),
    replace: values.yes === true,
    heapMiB: config.localNeo4jHeapMiB,
    pagecacheMiB: config.localNeo4jPagecacheMiB,
    log: (line) => console.log(line),
  });
  const all = result.relationships + result.citations;
  console.log(
    `imported ${thousands(result.nodes)} nodes, ${thousands(result.relationships)} relationships and ` +
      `${thousands(result.citations)} citations into ${config.localNeo4jDataDir} in ${duration(result.totalSeconds)} ` +
      `(validation ${duration(result.validateSeconds)}, CSV ${duration(result.csvSeconds)}, ` +
      `import ${duration(result.importSeconds)}, schema and indexes ${duration(result.schemaSeconds)})`,
  );
  console.log(
    `import tool: ${thousands(result.relationships / result.importSeconds)} relationships/s ` +
      `(${thousands(all / result.importSeconds)}/s counting citations); ` +
      `whole command: ${thousands(result.relationships / result.totalSeconds)} relationships/s ` +
      `(${thousands(all / result.totalSeconds)}/s counting citations)`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main, [BulkImportError, LocalNeo4jError]);
