// What the layout picker calls each layout (registry.ts runs them), in the order of LAYOUT_NAMES.
import type { LayoutName } from '../../explorer/state.ts';

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  force: 'Force',
  concentric: 'Concentric by degree',
  hierarchical: 'Hierarchical',
  timeline: 'By date',
};
