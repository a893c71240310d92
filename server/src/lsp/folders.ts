// The workspace folders, each with its own corpus: a draft is checked against the sources of the folder it is in.
import * as path from 'node:path';
import { createCorpus, type Corpus } from '../core/check';
import type { SourceRecord } from './source-files';
import { uriToPath } from './source-files';

export interface FolderIndex {
  uri: string;
  name: string;
  /** File system path; '' for the stand-in folder of a window opened on no folder. */
  path: string;
  corpus: Corpus;
  sources: Map<string, SourceRecord>;
  /** Where the sources are (from settings or .citecheck.json) and what to skip. */
  patterns: string[];
  ignore: string[];
  maxFileSize: number;
  /** Also tells `isSource` apart, rebuilt with the patterns. */
  isSource: (rel: string) => boolean;
  indexing: boolean;
  indexed: number;
  total: number;
  /** Bumped when a new indexing run starts, so an older run still under way stops adding sources. */
  run: number;
}

export function newFolder(uri: string, name: string): FolderIndex {
  return {
    uri,
    name,
    path: uriToPath(uri) ?? '',
    corpus: createCorpus(),
    sources: new Map(),
    patterns: [],
    ignore: [],
    maxFileSize: 0,
    isSource: () => false,
    indexing: false,
    indexed: 0,
    total: 0,
    run: 0,
  };
}

export class Folders {
  readonly list: FolderIndex[] = [];
  /** Drafts outside every folder (or a window with no folder) are checked against this empty corpus. */
  private readonly none = newFolder('', 'no folder');

  add(uri: string, name: string): FolderIndex {
    const existing = this.list.find((f) => f.uri === uri);
    if (existing) return existing;
    const f = newFolder(uri, name);
    this.list.push(f);
    return f;
  }

  remove(uri: string): void {
    const i = this.list.findIndex((f) => f.uri === uri);
    if (i >= 0) {
      const f = this.list[i] as FolderIndex;
      f.run++; // stops its indexing run
      this.list.splice(i, 1);
    }
  }

  /** The innermost folder holding the file; a file in none of them belongs to the first folder. */
  forUri(uri: string): FolderIndex {
    const p = uriToPath(uri);
    let best: FolderIndex | undefined;
    if (p !== null) {
      for (const f of this.list) {
        if (f.path === '') continue;
        const rel = path.relative(f.path, p);
        const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
        if (inside && (!best || f.path.length > best.path.length)) best = f;
      }
    }
    return best ?? this.list[0] ?? this.none;
  }

  /** Sources indexed and found over all folders, and whether any folder is still indexing. */
  progress(): { indexing: boolean; indexed: number; total: number } {
    let indexed = 0;
    let total = 0;
    let indexing = false;
    for (const f of this.list) {
      indexed += f.indexed;
      total += f.total;
      indexing ||= f.indexing;
    }
    return { indexing, indexed, total };
  }
}
