// Bundles the CLI, the Node API and (later) the language server and the VS Code client.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/index.ts'], outfile: 'server/out/index.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/parallel/shard-worker.ts'], outfile: 'server/out/shard-worker.js' },
  { entryPoints: ['bench/measure-one.ts'], outfile: 'bench/out/measure-one.js' },
  { entryPoints: ['bench/measure-threads.ts'], outfile: 'bench/out/measure-threads.js' },
  { entryPoints: ['bench/input-growth.ts'], outfile: 'bench/out/input-growth.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
