import { describe, expect, it } from 'vitest';
import { bySize, growthTable, ladderTable, sizeName, throughputTable, type GrowthInput } from './growth.ts';

const run = (
  nodes: number,
  measuredAt: string,
  searchP50: number,
  extra: Partial<GrowthInput> = {},
): GrowthInput => ({
  measuredAt,
  machine: { loadAverage: [0.4, 0.5, 0.6], loadAverageAtEnd: [1.2, 0.7, 0.6] },
  graph: { syntheticNodes: nodes },
  latency: [
    {
      key: 'search',
      name: 'search, exact name',
      inputs: 20,
      graphql: { p50: searchP50, p95: searchP50 * 2 },
      driver: { p50: searchP50 / 2 },
      apiAdds: { p50: 1 },
      errors: 0,
      responseKiB: 1.8,
    },
  ],
  throughput: [],
  ...extra,
});

describe('the growth table', () => {
  it('names sizes as the table reads them', () => {
    expect([10_000, 100_000, 1_000_000, 2_500_000, 12_345].map(sizeName)).toEqual([
      '10k',
      '100k',
      '1M',
      '2500k',
      '12,345',
    ]);
  });

  it('keeps the newest run of each size, smallest graph first', () => {
    const files = [
      run(1_000_000, '2026-12-03T10:00:00Z', 9),
      run(10_000, '2026-12-03T09:00:00Z', 3),
      run(1_000_000, '2026-12-03T11:00:00Z', 8),
    ];
    expect(bySize(files).map((f) => [f.graph.syntheticNodes, f.measuredAt])).toEqual([
      [10_000, '2026-12-03T09:00:00Z'],
      [1_000_000, '2026-12-03T11:00:00Z'],
    ]);
  });

  it('puts each size side by side, marks failed requests, and a case a size lacks', () => {
    const small = run(10_000, '2026-12-03T09:00:00Z', 3.25);
    const big = run(1_000_000, '2026-12-03T10:00:00Z', 12);
    big.latency[0]!.errors = 4;
    big.latency.push({ ...big.latency[0]!, key: 'paths-6', name: 'paths maxLength 6', errors: 0 });
    expect(growthTable([big, small]).split('\n')).toEqual([
      '| case | 10k: API p50 / p95 | 10k: driver p50 | 10k: KiB | 1M: API p50 / p95 | 1M: driver p50 | 1M: KiB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| search, exact name | 3.3 / 6.5 | 1.6 | 1.8 | 12.0 / 24.0 (4 failed) | 6.0 | 1.8 |',
      '| paths maxLength 6 | – | – | – | 12.0 / 24.0 | 6.0 | 1.8 |',
    ]);
  });

  it('sets each size’s degree ladder on a row of its own, by degree, and leaves it out of the cases', () => {
    const f = run(10_000, '2026-12-03T09:00:00Z', 3);
    const rung = (degree: number, p50: number) => ({
      ...f.latency[0]!,
      key: `ladder-${degree}`,
      name: `d1 at degree ${degree}`,
      graphql: { p50, p95: p50 + 1 },
    });
    f.latency.push(rung(1718, 57.8), rung(9, 6.7));
    expect(ladderTable([f]).split('\n')[2]).toBe('| 10k | 9: 6.7 / 7.7 · 1,718: 57.8 / 58.8 |');
    expect(growthTable([f])).not.toContain('degree');
  });

  it('gives the API to driver ratio only when neither run failed', () => {
    const t = (
      via: 'graphql' | 'driver',
      connections: number,
      rate: number,
      failed: string | null = null,
    ) => ({
      via,
      connections,
      requestsPerSecond: rate,
      failed,
      latency: { p99: 150 },
    });
    const f = run(100_000, '2026-12-03T09:00:00Z', 3, {
      throughput: [
        t('graphql', 8, 240),
        t('driver', 8, 300),
        t('graphql', 32, 90, '3 of 90 failed'),
        t('driver', 32, 310),
      ],
    });
    expect(throughputTable([f]).split('\n').slice(2)).toEqual([
      '| 100k | 8 | 240 | 300 | 0.80 | 150 |',
      '| 100k | 32 | FAILED | 310 | – | – |',
    ]);
    expect(throughputTable([run(10_000, '2026-12-03T09:00:00Z', 3)])).toBe('');
  });
});
