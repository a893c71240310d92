// checkDraft: the one entry point every front end (CLI, language server, Node API) calls.
import type { CheckOptions, Claim } from './types';
import type { Corpus } from './corpus/corpus';

export { buildCorpus } from './corpus/corpus';
export type { Corpus } from './corpus/corpus';

export function checkDraft(_text: string, _corpus: Corpus, _options: CheckOptions = {}): Claim[] {
  return []; // work in progress: extraction and verification land next
}
