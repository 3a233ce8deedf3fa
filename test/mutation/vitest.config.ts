// The unit tier alone, for mutation testing (`npm run test:mutation`, stryker.config.json): StrykerJS's vitest
// runner runs every project of the config it is given, and only the unit tier runs without Neo4j or a browser.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import tiers from '../../vitest.config.ts';

const unit = tiers.test?.projects?.find(
  (p): p is TestProjectInlineConfiguration => typeof p === 'object' && 'test' in p && p.test?.name === 'unit',
);
if (!unit) throw new Error('vitest.config.ts has no unit project');

export default defineConfig({ root: path.resolve(import.meta.dirname, '../..'), test: unit.test });
