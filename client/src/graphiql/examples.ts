// The example queries the GraphQL console opens with, one tab each: about the memo "'No Limits': Xi's Support
// For Putin Is Unwavering". A unit test validates every one against the schema.

export interface Example {
  title: string;
  query: string;
  variables?: string;
}

/** A fragment the two statement examples share: what was said, where and when, and on what sources. */
const STATEMENT_IN_CONTEXT = `
fragment StatementInContext on Statement {
  date
  text
  saidAt {
    name
    date
    place
  }
  sources {
    title
    publisher
    url
    footnote
  }
}
`;

/** Fragments the two graph examples share: how a node is named, and a relationship with its sources. */
const GRAPH_FRAGMENTS = `
fragment NodeSummary on GraphNode {
  id
  kind
  label
  date
}

fragment EdgeSummary on GraphEdge {
  id
  type
  source
  target
  sources {
    title
    url
    footnote
  }
}
`;

export const EXAMPLES: Example[] = [
  {
    title: 'Search',
    query: `# Run with the ▶ button or Ctrl-Enter; more examples in the tabs.
#
# Full-text search over names, aliases, quotes and titles:
# typo-tolerant ("Patrushef" finds him too), any language in
# the data, best match first.
query SearchPatrushev {
  search(text: "Patrushev", limit: 5) {
    id
    kind
    label
    date
    summary
    sources {
      title
      url
      footnote
    }
  }
}
`,
  },
  {
    title: 'Statements with sources',
    query: `# Typed queries per kind: actors, meetings, statements,
# agreements, figures, sources. Filter with "where", order with
# "sort", page with "limit"/"offset" or the *Connection fields.
#
# Li Zhanshu's statements, where he said them, and the sources
# they rest on.
query LiZhanshuStatements {
  actors(where: { id: { eq: "actor:li-zhanshu" } }) {
    name
    role
    statements(sort: [{ date: ASC }]) {
      context
      ...StatementInContext
    }
  }
}
${STATEMENT_IN_CONTEXT}`,
  },
  {
    title: 'September 2022',
    query: `# Statements made at meetings in September 2022, with their
# speakers and sources: a relationship filter ("some" meeting
# they were said at has a date in the range).
query StatementsAtMeetingsSeptember2022($from: Date = "2022-09-01", $to: Date = "2022-10-01") {
  statements(
    where: { saidAt: { some: { date: { gte: $from, lt: $to } } } }
    sort: [{ date: ASC }]
  ) {
    speakers {
      name
    }
    ...StatementInContext
  }
}
${STATEMENT_IN_CONTEXT}`,
  },
  {
    title: 'Paths Modi → Xi',
    query: `# How is Narendra Modi connected to Xi Jinping? Shortest
# paths first, each explained in sentences with dates, every
# edge with the sources it rests on.
query PathsModiToXi {
  paths(sourceId: "actor:narendra-modi", targetId: "actor:xi-jinping", maxLength: 4, limit: 3) {
    length
    explanation
    nodes {
      ...NodeSummary
    }
    edges {
      ...EdgeSummary
    }
  }
}
${GRAPH_FRAGMENTS}`,
  },
  {
    title: 'Neighbourhood of Xi',
    query: `# Everything one step from Xi Jinping (depth 1 to 3), at
# most "limit" nodes; "truncated" says whether more exists.
query XiNeighborhood {
  neighborhood(id: "actor:xi-jinping", depth: 1, limit: 50) {
    truncated
    nodes {
      ...NodeSummary
      degree
    }
    edges {
      ...EdgeSummary
    }
  }
}
${GRAPH_FRAGMENTS}`,
  },
];
