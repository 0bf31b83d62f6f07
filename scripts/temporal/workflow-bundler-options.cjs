'use strict';
// Temporal's workflow bundler (webpack) ignores tsconfig paths: map our library aliases for it. Shared by the
// production bundle (scripts/bundle-workflows.mjs) and the replay tests, which bundle the current source.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOWS_ENTRY = path.join(ROOT, 'libs', 'workflows', 'src', 'workflows.ts');

function webpackConfigHook(config) {
  config.resolve = config.resolve ?? {};
  config.resolve.alias = {
    ...(config.resolve.alias ?? {}),
    '@kientoan/domain': path.join(ROOT, 'libs', 'domain', 'src'),
  };
  return config;
}

const quietLogger = { log() {}, info() {}, debug() {}, trace() {}, warn: console.warn, error: console.error };

module.exports = { WORKFLOWS_ENTRY, webpackConfigHook, quietLogger };
