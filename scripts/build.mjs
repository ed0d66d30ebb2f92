// Bundles the extension (Node and browser entries) and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = !process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  // yaml's ES module build (its browser entry, plain JS) lets esbuild hoist and tree-shake it: the
  // CommonJS build's module wrappers cost ~25 ms of every activation.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  minify: production,
  sourcemap: !production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    // One bundle for both extension hosts (package.json's main and browser): the extension uses
    // no Node API, only vscode's, so the browser build runs in Node as well
    // (test/unit/browserBundle.test.ts runs it with no Node globals). Shipping one instead of two
    // copies keeps the .vsix at about 225 KB instead of 415 KB.
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { 'process.platform': '"browser"', 'process.env.NODE_ENV': '"production"' },
  },
  {
    ...common,
    minify: false,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    // fdir (under tinyglobby) calls createRequire(import.meta.url), which a CommonJS bundle must supply.
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { PACKAGE_VERSION: JSON.stringify(pkg.version), 'import.meta.url': 'importMetaUrl' },
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
