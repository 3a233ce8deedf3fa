// The force layout off the page's main thread: one message in (a request id and the ForceInput), one out (the id
// and the positions, or the error), so the page keeps answering input while fcose runs.
import { forcePositions, type ForceInput } from './force.ts';

self.onmessage = (event: MessageEvent<{ id: number; input: ForceInput }>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, positions: forcePositions(input) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
