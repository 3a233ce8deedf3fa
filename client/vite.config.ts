// Builds the explorer (index.html) and the offline GraphQL console (graphiql.html) into client/dist.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8_000,
    rollupOptions: {
      input: { main: path.join(root, 'index.html'), graphiql: path.join(root, 'graphiql.html') },
      // GraphiQL's packages carry React-compiler directives that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
