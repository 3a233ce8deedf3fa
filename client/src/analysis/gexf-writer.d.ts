// graphology-gexf's writer alone: its browser entry also loads its parser, which needs the page's DOMParser as
// soon as it is imported (so it cannot be imported where there is none, as in unit tests); the writer needs none.
declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';
  const write: (graph: Graph, options?: GexfWriterOptions) => string;
  export default write;
}
