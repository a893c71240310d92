// Reading sources and drafts from disk: the only part of citecheck's checking path that touches files.
export { loadSources, loadDrafts, SOURCE_EXTENSIONS, DRAFT_EXTENSIONS } from './load';
export type { LoadedSource, LoadedDraft, LoadOptions, SourcesResult, DraftsResult, SourceFormat, FilePosition } from './load';
export { NotFoundError, displayPath } from './walk';
export { DEFAULT_MAX_FILE_SIZE, formatBytes, decodeText } from './read';
export { readFrontMatter } from './frontmatter';
export { extractHtml } from './html';
