import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES, kindOfId } from '../../../core/model/index.ts';
import {
  Rng,
  SYNTHETIC_DOCUMENT,
  batches,
  estimateRelationships,
  planSynthetic,
  syntheticMeetingDate,
  syntheticNodes,
  syntheticRecord,
  syntheticRelationships,
} from './model.ts';

const plan = planSynthetic({ nodes: 5_000 });
const nodes = [...syntheticNodes(plan)];
const rels = [...syntheticRelationships(plan)];
const byId = new Map(nodes.map((n) => [n.id, n]));

function degrees(): number[] {
  const d = new Map<string, number>();
  for (const r of rels) {
    d.set(r.from, (d.get(r.from) ?? 0) + 1);
    d.set(r.to, (d.get(r.to) ?? 0) + 1);
  }
  return [...d.values()].sort((a, b) => b - a);
}

describe('synthetic graph', () => {
  it('has the planned number of nodes, every kind, and about five relationships per node', () => {
    expect(nodes).toHaveLength(5_000);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(
      new Set(['SOURCE', 'ACTOR', 'MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE']),
    );
    expect(rels.length / nodes.length).toBeGreaterThan(4);
    expect(rels.length / nodes.length).toBeLessThan(6);
  });

  it('prefixes every id and marks everything with the synthetic document', () => {
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const badNodes = nodes.filter(
      (n) =>
        !/^(actor|meeting|statement|agreement|figure|source):syn-\d+$/.test(n.id) ||
        kindOfId(n.id) !== n.kind ||
        n.props.document !== SYNTHETIC_DOCUMENT,
    );
    expect(badNodes).toEqual([]);
    expect(new Set(rels.map((r) => r.props.id)).size).toBe(rels.length);
    const badRels = rels.filter(
      (r) => !/^rel:syn-/.test(String(r.props.id)) || r.props.document !== SYNTHETIC_DOCUMENT,
    );
    expect(badRels).toEqual([]);
  });

  it('gives every node but a source, and every relationship, sources that exist', () => {
    const isSource = (id: string) => byId.get(id)?.kind === 'SOURCE';
    const unsourcedNodes = nodes.filter(
      (n) => n.kind !== 'SOURCE' && (!n.sources?.length || !n.sources.every(isSource)),
    );
    expect(unsourcedNodes).toEqual([]);
    const unsourcedRels = rels.filter((r) => {
      const ids = r.props.sourceIds as string[];
      return ids.length === 0 || !ids.every(isSource);
    });
    expect(unsourcedRels).toEqual([]);
  });

  it('links only existing nodes, with the kinds each relationship type allows, never a node to itself', () => {
    const bad = rels.filter((r) => {
      const from = byId.get(r.from);
      const to = byId.get(r.to);
      const allowed = RELATIONSHIP_TYPES[r.type];
      return (
        !from ||
        !to ||
        r.from === r.to ||
        !(allowed.from as readonly string[]).includes(from.kind) ||
        !(allowed.to as readonly string[]).includes(to.kind)
      );
    });
    expect(bad).toEqual([]);
  });

  it('dates every meeting, statement and agreement, and a statement said at a meeting shares its date', () => {
    for (const n of nodes) {
      if (['MEETING', 'STATEMENT', 'AGREEMENT'].includes(n.kind)) {
        expect(n.props.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['day', 'month', 'year']).toContain(n.props.datePrecision);
      }
    }
    const saidAt = rels.filter((r) => r.type === 'SAID_AT');
    expect(saidAt.length).toBeGreaterThan(0);
    for (const r of saidAt) {
      const meetingIndex = Number(r.to.split('-').pop());
      expect(byId.get(r.from)!.props.date).toBe(syntheticMeetingDate(plan, meetingIndex).date);
    }
  });

  it('has a power-law degree distribution: a few hubs far above an ordinary node', () => {
    const d = degrees();
    const median = d[Math.floor(d.length / 2)]!;
    expect(median).toBeLessThanOrEqual(8);
    // The hubs own hubDegree relationships each, on top of what the skewed target choice gives them.
    for (let i = 0; i < plan.hubs; i++) expect(d[i]).toBeGreaterThanOrEqual(plan.hubDegree);
    expect(d[0]!).toBeGreaterThan(30 * median);
    // A long tail: many nodes well above the median, far fewer near the top.
    const above = (k: number) => d.filter((x) => x >= k).length;
    expect(above(4 * median)).toBeGreaterThan(above(16 * median) * 2);
  });

  it('estimates the relationship count from a sample, closely enough for a progress bar', () => {
    const estimate = estimateRelationships(plan);
    expect(Math.abs(estimate - rels.length) / rels.length).toBeLessThan(0.1);
  });

  it('plans hubs of 60,000 relationships for a million nodes', () => {
    const big = planSynthetic({ nodes: 1_000_000 });
    expect(big.hubs).toBe(5);
    expect(big.hubDegree).toBeGreaterThanOrEqual(50_000);
    expect(Object.values(big.counts).reduce((s, n) => s + n, 0)).toBe(1_000_000);
    const hub = syntheticRecord(big, 'ACTOR', 0);
    expect(hub.relationships.length).toBeGreaterThanOrEqual(big.hubDegree);
  });

  it('is deterministic: the same seed gives the same graph, another seed another one', () => {
    const again = [...syntheticRelationships(planSynthetic({ nodes: 5_000 }))];
    expect(again).toEqual(rels);
    const other = syntheticRecord(planSynthetic({ nodes: 5_000, seed: 7 }), 'MEETING', 3);
    expect(other).not.toEqual(syntheticRecord(plan, 'MEETING', 3));
  });

  it('batches a stream without losing or repeating items', () => {
    const out = [...batches([1, 2, 3, 4, 5], 2)];
    expect(out).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('draws skewed indexes in range, concentrated at the low end', () => {
    const rng = new Rng(1);
    const draws = Array.from({ length: 10_000 }, () => rng.skewed(1_000, 3));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1_000);
    expect(draws.filter((x) => x < 10).length).toBeGreaterThan(draws.filter((x) => x >= 990).length * 10);
  });
});
