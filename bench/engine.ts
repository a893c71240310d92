// What the benchmark measures: bundled with bench/measure-one.ts by esbuild.mjs into bench/out/measure-one.js,
// exactly as the CLI bundles the engine (running the TypeScript sources through tsx would add its function-name
// wrappers to every hot loop).
export { buildCorpus, checkDraft } from '../server/src/core/check';
export { splitSentences } from '../server/src/core/text/sentences';
export { collectGarbage } from '../server/src/collect-garbage';
