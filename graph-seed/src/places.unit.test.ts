// The seed's coordinates: a document's places (places.yaml) locate its meetings, a state's capital locates the
// state; each bad value, unknown or unused place gets its own message with file and path.
import { afterEach, describe, expect, it } from 'vitest';
import { readDocuments, type ReadResult } from './read.ts';
import { formatSeedError } from './files.ts';
import { MEMO, tempSeed, type TempSeed } from '../../test/support/seed-copies.ts';

let seed: TempSeed | undefined;
afterEach(() => {
  seed?.remove();
  seed = undefined;
});

/** The errors of a rejected read, as the CLI prints them, with the temporary folder cut off. */
function printed(result: ReadResult, root: string): string[] {
  if (result.ok) throw new Error('expected the copy to be rejected, but it validated');
  return result.errors.map((e) => formatSeedError(e).replace(`${root}/`, ''));
}

/** A copy of the memo with `places.yaml` replaced by `places` (YAML text of the list's items). */
function withPlaces(places: string) {
  const s = (seed = tempSeed());
  s.write(MEMO, 'places.yaml', `places:\n${places}`);
  return { s, result: readDocuments(s.root) };
}

const samarkand = '  - { name: "Samarkand, Uzbekistan", latitude: 39.65, longitude: 66.96 }\n';

describe('the memo as shipped', () => {
  it('puts its meetings at their places and its states at their capitals', () => {
    const result = readDocuments();
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const props = new Map(result.documents[0]!.nodes.map((n) => [n.id, n.props]));
    expect(props.get('meeting:sco-summit-samarkand-2022')).toMatchObject({
      place: 'Samarkand, Uzbekistan',
      latitude: 39.65,
      longitude: 66.96,
    });
    // A place that is only a country is put at its capital (Astana).
    expect(props.get('meeting:xi-visit-kazakhstan-2022-09')).toMatchObject({
      place: 'Kazakhstan',
      latitude: 51.18,
      longitude: 71.45,
    });
    expect(props.get('actor:russia')).toMatchObject({ capital: 'Moscow', latitude: 55.75, longitude: 37.62 });
    // Every state has its capital; nothing else is located but meetings.
    const located = result.documents[0]!.nodes.filter((n) => n.props.latitude !== undefined);
    expect(located.filter((n) => n.kind === 'ACTOR').every((n) => n.props.actorType === 'state')).toBe(true);
    expect(located.filter((n) => n.kind === 'ACTOR')).toHaveLength(13);
    expect(located.every((n) => n.kind === 'ACTOR' || n.kind === 'MEETING')).toBe(true);
  });
});

describe('places and capitals', () => {
  it('leaves a meeting whose place is not listed off the map, with no error', () => {
    const { result } = withPlaces(samarkand);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const props = new Map(result.documents[0]!.nodes.map((n) => [n.id, n.props]));
    expect(props.get('meeting:sco-summit-samarkand-2022')?.latitude).toBe(39.65);
    expect(props.get('meeting:li-zhanshu-visit-russia-2022-09')).toMatchObject({ place: 'Moscow, Russia' });
    expect(props.get('meeting:li-zhanshu-visit-russia-2022-09')?.latitude).toBeUndefined();
  });

  it('refuses coordinates out of range, quoted, or missing, each with its reason', () => {
    const { s, result } = withPlaces(
      '  - { name: "Samarkand, Uzbekistan", latitude: 95, longitude: 66.96 }\n' +
        '  - { name: "Moscow, Russia", latitude: 55.75, longitude: -181 }\n' +
        '  - { name: "Beijing, China", latitude: "39.91", longitude: 116.4 }\n' +
        '  - { name: Kazakhstan, latitude: 51.18 }\n',
    );
    expect(printed(result, s.root)).toEqual([
      `${MEMO}/places.yaml: places[0].latitude: latitude 95 is out of range: decimal degrees from -90 to 90 ` +
        '(north positive, south negative)',
      `${MEMO}/places.yaml: places[1].longitude: longitude -181 is out of range: decimal degrees from -180 to ` +
        '180 (east positive, west negative)',
      `${MEMO}/places.yaml: places[2].latitude: bad latitude "39.91": a number of decimal degrees (unquoted), ` +
        'from -90 to 90',
      `${MEMO}/places.yaml: places[3].longitude: missing longitude: decimal degrees from -180 to 180 (east ` +
        'positive, west negative)',
    ]);
  });

  it('refuses a place no meeting names (a spelling that differs) and a place listed twice', () => {
    const { s, result } = withPlaces(
      samarkand + samarkand + '  - { name: "Samarkand", latitude: 39.65, longitude: 66.96 }\n',
    );
    expect(printed(result, s.root)).toEqual([
      `${MEMO}/places.yaml: places[1].name: duplicate place "Samarkand, Uzbekistan": already at places[0]`,
      `${MEMO}/places.yaml: places[2].name: no meeting of this document has place: Samarkand (write the name ` +
        'exactly as the meetings do, or remove the place)',
    ]);
  });

  it('refuses an unknown field of a place, and a place list that is not a list', () => {
    const unknown = withPlaces('  - { name: "Samarkand, Uzbekistan", lat: 39.65, longitude: 66.96 }\n');
    expect(printed(unknown.result, unknown.s.root)).toEqual([
      `${MEMO}/places.yaml: places[0].latitude: missing latitude: decimal degrees from -90 to 90 (north ` +
        'positive, south negative)',
      `${MEMO}/places.yaml: places[0].lat: unknown field "lat" (check its spelling against graph-seed/README.md)`,
    ]);
    seed?.remove();
    const s = (seed = tempSeed());
    s.write(MEMO, 'places.yaml', 'places: Samarkand\n');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/places.yaml: places: "places:" must hold a list of items (each starting with "- "), got "Samarkand"`,
    ]);
  });

  it('refuses a capital out of range, and a capital for what is not a state', () => {
    const s = (seed = tempSeed());
    s.edit(
      MEMO,
      'actors.yaml',
      'capital: { name: Tokyo, latitude: 35.69, longitude: 139.69 }',
      'capital: { name: Tokyo, latitude: 35.69, longitude: 239.69 }',
    );
    s.edit(
      MEMO,
      'actors.yaml',
      /(id: actor:tass\n(?:.*\n)*?\s+actorType: outlet\n)/,
      '$1    capital: { name: Moscow, latitude: 55.75, longitude: 37.62 }\n',
    );
    const lines = printed(readDocuments(s.root), s.root);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /actors\.yaml: actors\[\d+\]\.capital\.longitude: longitude 239\.69 is out of range: decimal degrees from -180 to 180/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /actors\.yaml: actors\[\d+\]\.capital: capital is for a state \(actorType: state\), not for actorType: outlet/,
      ),
    );
    expect(lines).toHaveLength(2);
  });
});
