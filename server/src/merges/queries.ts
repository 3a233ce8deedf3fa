// The Cypher of merges and unmerges. Relationship types come from the relationships themselves (a move copies
// `type(r)`) or from a merge's event (an unmerge writes back what the merge kept): never from a request.
import { cypher } from '../../../core/db/database.ts';
import { setStored, storedProjection } from './stored.ts';

/**
 * Takes the write locks of the nodes (in the order given: callers sort, so two merges of the same pair queue
 * rather than deadlock) and reads them.
 */
export const LOCK_NODES = cypher(
  'mergesLockNodes',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   SET n.mergeLock = true
   REMOVE n.mergeLock
   RETURN n.id AS id, n.kind AS kind, labels(n) AS labels, ${storedProjection('n')} AS stored`,
);

/** Every relationship of a node, both directions, with its other end. */
export const NODE_RELATIONSHIPS = cypher(
  'mergesNodeRelationships',
  `MATCH (n:Entity {id: $id})-[r]-(o)
   RETURN DISTINCT elementId(r) AS rid, type(r) AS type, startNode(r) = n AS out, o.id AS otherId,
     CASE WHEN o:SavedView THEN 'SavedView' WHEN o:Entity THEN 'Entity' END AS otherLabel,
     ${storedProjection('r')} AS stored`,
);

/** Moves relationships (by element id) from the merged node to the kept one: same type, direction, properties. */
export const MOVE_RELATIONSHIPS = cypher(
  'mergesMoveRelationships',
  `MATCH (k:Entity {id: $keepId})
   UNWIND $moves AS mv
   MATCH ()-[r]->() WHERE elementId(r) = mv.rid
   WITH k, r, mv, CASE WHEN mv.out THEN k ELSE startNode(r) END AS a,
     CASE WHEN mv.out THEN endNode(r) ELSE k END AS b
   CREATE (a)-[moved:$(type(r))]->(b)
   SET moved = properties(r)
   DELETE r
   RETURN count(*) AS moved`,
);

/** Deletes relationships by element id. */
export const DELETE_RELATIONSHIPS = cypher(
  'mergesDeleteRelationships',
  `UNWIND $rids AS rid
   MATCH ()-[r]->() WHERE elementId(r) = rid
   DELETE r
   RETURN count(*) AS deleted`,
);

/** The per-document records of the two nodes. */
export const RECORDS = cypher(
  'mergesRecords',
  `MATCH (r:EntityRecord) WHERE r.entityId IN $ids
   RETURN r.entityId AS entityId, r.document AS document, ${storedProjection('r')} AS stored
   ORDER BY r.document, r.entityId`,
);

/** Changes records ($rows: entityId and document of a record, and the properties to set on it). */
export const UPDATE_RECORDS = cypher(
  'mergesUpdateRecords',
  `UNWIND $rows AS row
   MATCH (r:EntityRecord {entityId: row.entityId, document: row.document})
   SET r += row.set
   RETURN count(*) AS updated`,
);

export const DELETE_RECORDS = cypher(
  'mergesDeleteRecords',
  `UNWIND $rows AS row
   MATCH (r:EntityRecord {entityId: row.entityId, document: row.document})
   DELETE r
   RETURN count(*) AS deleted`,
);

/** Writes records back exactly as stored (creating the ones that are not there). */
export const RESTORE_RECORDS = cypher(
  'mergesRestoreRecords',
  `UNWIND $rows AS row
   MERGE (r:EntityRecord {entityId: row.entityId, document: row.document})
   WITH r, row
   CALL (r, row) {
     ${setStored('r', 'row.props')}
   }
   RETURN count(*) AS restored`,
);

/** Sets properties of the kept node ($set; a null removes one). */
export const UPDATE_NODE = cypher(
  'mergesUpdateNode',
  `MATCH (k:Entity {id: $id})
   SET k += $set
   RETURN k.id AS id`,
);

export const DELETE_NODE = cypher(
  'mergesDeleteNode',
  `MATCH (m:Entity {id: $id})
   DETACH DELETE m
   RETURN count(*) AS deleted`,
);

/** Writes a node back exactly: its labels and properties (creating it when it is not there). */
export const RESTORE_NODE = cypher(
  'mergesRestoreNode',
  `OPTIONAL MATCH (existing:Entity {id: $id})
   CALL (existing) {
     WITH existing WHERE existing IS NULL
     CREATE (n)
     SET n:$($labels)
     RETURN n
     UNION
     WITH existing WHERE existing IS NOT NULL
     RETURN existing AS n
   }
   WITH n
   CALL (n) {
     ${setStored('n', '$props')}
   }
   RETURN n.id AS id`,
);

/** Which of the given ends ({id, label}) exist. */
export const ENDS = cypher(
  'mergesEnds',
  `UNWIND $ends AS e
   OPTIONAL MATCH (n:Entity {id: e.id}) WHERE e.label = 'Entity'
   OPTIONAL MATCH (v:SavedView {id: e.id}) WHERE e.label = 'SavedView'
   RETURN e.id AS id, e.label AS label, coalesce(n, v) IS NOT NULL AS found`,
);

/** Creates relationships of node $id as a merge kept them: type, direction, other end, properties. */
export const RESTORE_RELATIONSHIPS = cypher(
  'mergesRestoreRelationships',
  `MATCH (m:Entity {id: $id})
   UNWIND $rels AS rel
   CALL (rel) {
     OPTIONAL MATCH (e:Entity {id: rel.otherId}) WHERE rel.otherLabel = 'Entity'
     OPTIONAL MATCH (v:SavedView {id: rel.otherId}) WHERE rel.otherLabel = 'SavedView'
     RETURN coalesce(e, v) AS o
   }
   WITH m, rel, o WHERE o IS NOT NULL
   WITH rel, CASE WHEN rel.out THEN m ELSE o END AS a, CASE WHEN rel.out THEN o ELSE m END AS b
   CREATE (a)-[r:$(rel.type)]->(b)
   WITH r, rel
   CALL (r, rel) {
     ${setStored('r', 'rel.props')}
   }
   RETURN count(*) AS created`,
);

/** Saved views whose stored ids name node $id (in nodeIds, or in the layout's or filter's JSON). */
export const VIEWS_NAMING = cypher(
  'mergesViewsNaming',
  `MATCH (v:SavedView)
   WHERE $id IN coalesce(v.nodeIds, []) OR v.layout CONTAINS $quoted OR v.filter CONTAINS $quoted
   RETURN v.id AS id, v.nodeIds AS nodeIds, v.layout AS layout, v.filter AS filter
   ORDER BY v.id`,
);

export const VIEWS_BY_ID = cypher(
  'mergesViewsById',
  `UNWIND $ids AS id
   MATCH (v:SavedView {id: id})
   RETURN v.id AS id, v.nodeIds AS nodeIds, v.layout AS layout, v.filter AS filter`,
);

/** Writes saved views' ids (nodeIds, layout, filter); their version and INCLUDES are left as they are. */
export const WRITE_VIEWS = cypher(
  'mergesWriteViews',
  `UNWIND $views AS row
   MATCH (v:SavedView {id: row.id})
   SET v.nodeIds = row.nodeIds, v.layout = row.layout, v.filter = row.filter
   RETURN count(*) AS written`,
);

/** The judgements of a pair, either way round. */
export const JUDGEMENTS = cypher(
  'mergesJudgements',
  `MATCH (j:MatchJudgement)
   WHERE (j.a = $a AND j.b = $b) OR (j.a = $b AND j.b = $a)
   RETURN elementId(j) AS eid, ${storedProjection('j')} AS stored
   ORDER BY j.a, j.b`,
);

export const DELETE_JUDGEMENTS = cypher(
  'mergesDeleteJudgements',
  `UNWIND $eids AS eid
   MATCH (j:MatchJudgement) WHERE elementId(j) = eid
   DELETE j
   RETURN count(*) AS deleted`,
);

/** The merge's judgement: SAME, by whom and when (not from a document). */
export const JUDGE_SAME = cypher(
  'mergesJudgeSame',
  `CREATE (j:MatchJudgement {id: 'judgement:' + $a + ' ' + $b, a: $a, b: $b, judgement: 'SAME', by: $by,
     at: datetime.transaction()})
   RETURN elementId(j) AS eid`,
);

/** Writes judgements back exactly. */
export const RESTORE_JUDGEMENTS = cypher(
  'mergesRestoreJudgements',
  `UNWIND $rows AS row
   CREATE (j:MatchJudgement)
   WITH j, row
   CALL (j, row) {
     ${setStored('j', 'row.props')}
   }
   RETURN count(*) AS restored`,
);

/** The unmerges recorded for node $id (to tell whether a merge was undone already). */
export const UNMERGES_OF = cypher(
  'mergesUnmergesOf',
  `MATCH (e:ChangeEvent {targetId: $id})
   WHERE e.action = 'UNMERGE'
   RETURN e.id AS id, e.before AS before`,
);
