// "Copy link": a saved view's address (`<origin>/?view=<id>`) put on the clipboard, and what the panel says
// after it, including when the browser offers no clipboard (an http page other than localhost, an old browser).
import { viewLink } from './views.ts';

/** The part of `navigator.clipboard` used here, absent when the browser offers none. */
export type Clipboard = { writeText: (text: string) => Promise<void> } | undefined;

/** Copies the view's link; resolves to the sentence to show ("Link copied", or how to copy it by hand). */
export async function copyViewLink(clipboard: Clipboard, origin: string, id: string): Promise<string> {
  const link = viewLink(origin, id);
  if (!clipboard) return 'This browser cannot copy here: select the link above and copy it.';
  try {
    await clipboard.writeText(link);
    return 'Link copied';
  } catch {
    return 'The link could not be copied: select the link above and copy it.';
  }
}
