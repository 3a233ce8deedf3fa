import { describe, expect, it } from 'vitest';
import { copyViewLink } from './copyLink.ts';

describe('Copy link', () => {
  it('puts `<origin>/?view=<id>` on the clipboard and says "Link copied"', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (t: string) => void written.push(t) };
    await expect(copyViewLink(clipboard, 'http://127.0.0.1:4000', 'view:a b')).resolves.toBe('Link copied');
    expect(written).toEqual(['http://127.0.0.1:4000/?view=view%3Aa%20b']);
  });

  it('says how to copy it by hand when there is no clipboard or it refuses', async () => {
    await expect(copyViewLink(undefined, 'http://x', 'v')).resolves.toMatch(/select the link/);
    const refusing = { writeText: () => Promise.reject(new Error('denied')) };
    await expect(copyViewLink(refusing, 'http://x', 'v')).resolves.toMatch(/could not be copied/);
  });
});
