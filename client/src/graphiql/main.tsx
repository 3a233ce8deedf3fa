// The GraphQL console, served from the project itself so it works with no internet. It opens with example
// queries about the memo, one per tab (see examples.ts); tabs the user edited are kept by the browser. On a
// server with tokens it sends the explorer's token (signed in on the explorer page) as its Authorization header,
// unless the Headers tab names one of its own.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { tokens } from '../api/token.ts';
import { EXAMPLES } from './examples.ts';
import { installRunShortcut } from './runShortcut.ts';
import { withToken } from './token.ts';

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  fetch: (input, init) => fetch(input, withToken(init, tokens.get())),
});

installRunShortcut();

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={EXAMPLES.map(({ query, variables }) => ({ query, variables: variables ?? null }))}
  />,
);
