// Reading sources and drafts from disk: the only part of citecheck's checking path that touches files.
export { loadSources, loadDrafts, findSources, sizedFiles, loadFound, loadSource, assembleSources, withoutText, SOURCE_EXTENSIONS, DRAFT_EXTENSIONS } from './load';
export type { LoadedSource, LoadedDraft, LoadOptions, SourcesResult, DraftsResult, SourceFormat, FilePosition, SourceFile, SourceMeta, Input } from './load';
export { locator } from './file-map';
export { NotFoundError, displayPath } from './walk';
export { DEFAULT_MAX_FILE_SIZE, formatBytes, decodeText } from './read';
export { readFrontMatter } from './frontmatter';
export { extractHtml } from './html';
