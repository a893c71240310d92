// Checking open drafts. Each draft keeps its own ClaimCache, so a keystroke re-verifies only the claims it
// touched, and the result of its last check, so hover, code actions and the rest reuse it for the same version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ClaimCache, checkDraft } from '../core/check';
import type { Claim, Language } from '../core/types';
import { claimInfos, type ClaimInfo } from './claim-info';
import type { FolderIndex } from './folders';
import { relativeId, uriToPath } from './source-files';

export interface DraftCheck {
  uri: string;
  version: number;
  text: string;
  folder: FolderIndex;
  corpusVersion: number;
  claims: Claim[];
  /** Where reading stopped, for a draft with more claims than one text may give (core/extract/mention-limit.ts);
   * null when it was read whole. */
  readTo: number | null;
  /** The claim's verdicts in brief, read on first use. */
  info(i: number): ClaimInfo;
}

interface DraftState {
  cache: ClaimCache;
  last: DraftCheck | null;
}

export function languageOf(languageId: string): Language {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export class Drafts {
  private readonly states = new Map<string, DraftState>();

  private state(uri: string): DraftState {
    let s = this.states.get(uri);
    if (!s) this.states.set(uri, (s = { cache: new ClaimCache(), last: null }));
    return s;
  }

  /** The claims of this version of the draft against the folder's corpus as it is now. */
  check(doc: Pick<TextDocument, 'uri' | 'version' | 'languageId' | 'getText'>, folder: FolderIndex): DraftCheck {
    const s = this.state(doc.uri);
    const corpus = folder.corpus;
    const last = s.last;
    if (last && last.version === doc.version && last.folder === folder && last.corpusVersion === corpus.version) {
      const text = doc.getText();
      if (text === last.text) return last;
    }
    const text = doc.getText();
    // A draft that is one of the folder's sources (sources/** holds it too) is not checked against itself.
    const file = uriToPath(doc.uri);
    const id = file === null || folder.path === '' ? null : relativeId(folder.path, file);
    const own = id !== null && corpus.byId.has(id) ? { ownSource: id } : {};
    let readTo: number | null = null;
    const claims = checkDraft(text, corpus, { language: languageOf(doc.languageId), cache: s.cache, onCutoff: (at) => (readTo = at), ...own });
    const info = claimInfos(claims);
    s.last = { uri: doc.uri, version: doc.version, text, folder, corpusVersion: corpus.version, claims, readTo, info };
    return s.last;
  }

  /** Forgets what the drafts checked against these folders' indexes keep of them (before a reindex). */
  release(folders: readonly FolderIndex[]): void {
    for (const s of this.states.values()) {
      if (s.last === null || !folders.includes(s.last.folder)) continue;
      s.last = null;
      s.cache.release();
    }
  }

  /** The last check of a draft, whatever its version (for status counts). */
  last(uri: string): DraftCheck | null {
    return this.states.get(uri)?.last ?? null;
  }

  all(): DraftCheck[] {
    return [...this.states.values()].flatMap((s) => (s.last ? [s.last] : []));
  }

  close(uri: string): void {
    this.states.delete(uri);
  }
}
