// Where a verdict's evidence stands in the source file, as an LSP location. The engine counts lines in the
// text it indexed; `locate` maps that into the file (the same place for .txt and .md, back into the markup for HTML).
import type { Location, Range } from 'vscode-languageserver';
import type { Evidence, SourceVerdict } from '../core/types';
import type { FolderIndex } from './folders';
import type { SourceRecord } from './source-files';

export function evidenceRange(e: Evidence, source: SourceRecord | undefined): Range {
  if (source && typeof e.start === 'number' && typeof e.end === 'number') {
    const s = source.locate(e.start);
    const t = source.locate(Math.max(e.end, e.start));
    return { start: { line: s.line - 1, character: s.column - 1 }, end: { line: t.line - 1, character: t.column - 1 } };
  }
  // Lines and columns in core evidence are 1-based.
  const start = { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) };
  return { start, end: { line: start.line, character: start.character + e.wording.length } };
}

/** The location of a verdict's evidence (or, for a lacks verdict, its hint), or null when it has none or the source is gone. */
export function evidenceLocation(folder: FolderIndex, v: SourceVerdict, useHint = false): Location | null {
  const e = v.evidence ?? (useHint ? v.hint : undefined);
  const source = folder.sources.get(v.source);
  if (!e || !source) return null;
  return { uri: source.uri, range: evidenceRange(e, source) };
}

export function sourceTitle(folder: FolderIndex, id: string): string {
  return folder.sources.get(id)?.title ?? id;
}
