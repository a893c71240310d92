// YAML front matter of a Markdown source. The front matter is blanked (every character but line breaks
// becomes a space) rather than cut, so offsets, lines and columns in the body still point into the file.
import { parse } from 'yaml';
import { detached } from './detach';

export interface FrontMatter {
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

export interface MarkdownSource {
  /** The file's text with the front matter blanked out: same length, same lines. */
  text: string;
  meta: FrontMatter;
  /** Set when the front matter could not be read as YAML. */
  problem?: string;
}

const OPEN = /^---[ \t]*(\r\n|\n|\r)/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/m;

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

export function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

export function readFrontMatter(text: string): MarkdownSource {
  const open = OPEN.exec(text);
  if (!open) return { text, meta: {} };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { text, meta: {} };
  const yamlText = rest.slice(0, close.index);
  const end = open[0].length + close.index + close[0].length;
  // One string of its own, not a join of the blanked head and a slice of the file.
  const blanked = detached(blank(text.slice(0, end)) + text.slice(end));
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { text: blanked, meta: {}, problem: `front matter is not valid YAML (${msg})` };
  }
  const meta: FrontMatter = {};
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const rec = data as Record<string, unknown>;
    for (const key of ['title', 'outlet', 'date', 'url'] as const) {
      const v = asString(rec[key]);
      // The parser's strings are slices of the file: a field kept as one would keep the whole file.
      if (v !== undefined) meta[key] = detached(v);
    }
  }
  return { text: blanked, meta };
}
