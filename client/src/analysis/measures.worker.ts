// The measures off the page's main thread: one message in (MeasureInput), one out (the measures and the time
// they took), so a large canvas never freezes the page while they are computed.
import { computeMeasures, type MeasureInput } from './measures.ts';

self.onmessage = (event: MessageEvent<MeasureInput>) => {
  const started = performance.now();
  try {
    const values = computeMeasures(event.data);
    self.postMessage({ values, ms: performance.now() - started });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
