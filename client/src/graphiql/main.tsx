// The GraphQL console, served from the project itself so it works with no internet. It opens with example
// queries about the memo, one per tab (see examples.ts); tabs the user edited are kept by the browser.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.ts';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={EXAMPLES.map(({ query, variables }) => ({ query, variables: variables ?? null }))}
  />,
);
