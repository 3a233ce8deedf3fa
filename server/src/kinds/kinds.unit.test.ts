// The typed kinds in the schema (built without a database): read-only, current names only.
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../app/schema.ts';

const sdl = await printedSchema();

describe('typed kinds in the schema', () => {
  it('offers list and connection queries for every kind', () => {
    for (const q of ['actors', 'meetings', 'statements', 'agreements', 'figures', 'sources', 'entities']) {
      expect(sdl).toMatch(new RegExp(`\\n  ${q}\\(`));
      expect(sdl).toMatch(new RegExp(`\\n  ${q}Connection\\(`));
    }
  });

  it('generates no create, update or delete mutation for them', () => {
    expect(sdl).not.toMatch(/\n {2}(create|update|delete)(Actor|Meeting|Statement|Agreement|Figure|Source)/);
  });

  it('carries no deprecated field (features.excludeDeprecatedFields)', () => {
    expect(sdl).not.toContain('@deprecated');
  });

  it("keeps the contract's Source fields", () => {
    const source = /\ntype Source implements Entity \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    for (const field of [
      'id: ID!',
      'title: String!',
      'url: String',
      'publisher: String',
      'date: Date',
      'footnote: Int',
    ]) {
      expect(source).toContain(`\n  ${field}`);
    }
  });

  it('gives claims and typed relationships their basis and inference note, and filters by them', () => {
    const body = (type: string) =>
      new RegExp(`\\ntype ${type} [^{]*\\{([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '';
    for (const type of ['Meeting', 'Statement', 'Agreement', 'Figure', 'Link']) {
      expect(body(type), type).toContain('\n  basis: String\n');
      expect(body(type), type).toContain('\n  inferenceNote: String\n');
      expect(sdl, type).toMatch(
        new RegExp(`\\ninput ${type}Where \\{[^}]*\\n  basis: StringScalarFilters\\n`),
      );
    }
    // Actors and sources are not claims.
    expect(body('Actor')).not.toContain('basis');
    expect(body('Source')).not.toContain('basis');
  });
});
