// The project file, .citecheck.json: what a team shares in its repository. Command-line options win.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../core/types';
import { MAX_JOBS } from './args';
import { UsageError } from './errors';

export const CONFIG_FILE = '.citecheck.json';
const LANGUAGES: readonly Language[] = ['markdown', 'plaintext'];

export interface Config {
  /** Source folders or globs, resolved against the config file's folder. */
  sources?: string[];
  /** Globs of drafts and sources to skip. */
  ignore?: string[];
  maxFileSize?: number;
  languages?: Language[];
  jobs?: number;
}

export interface LoadedConfig {
  config: Config;
  /** The file read, or null when there was none. */
  file: string | null;
  warnings: string[];
}

function stringArray(file: string, key: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new UsageError(`${file}: "${key}" must be a list of strings`);
  }
  return v as string[];
}

/** Reads --config FILE (which must exist) or ./.citecheck.json (when present). */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE);
  const shown = explicit ?? CONFIG_FILE;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return { config: {}, file: null, warnings: [] };
    throw new UsageError(`cannot read config file ${shown} (${code === 'ENOENT' ? 'not found' : (code ?? String(err))})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`${shown} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${shown} must hold a JSON object`);
  }
  const rec = data as Record<string, unknown>;
  const config: Config = {};
  const warnings: string[] = [];
  const dir = path.dirname(file);
  for (const [key, v] of Object.entries(rec)) {
    switch (key) {
      case 'sources':
        // Relative to the config file, so a config elsewhere means the same thing from any folder.
        config.sources = stringArray(shown, key, v).map((s) => {
          const rel = path.relative(cwd, path.resolve(dir, s));
          return rel === '' ? '.' : rel;
        });
        break;
      case 'ignore':
        config.ignore = stringArray(shown, key, v);
        break;
      case 'maxFileSize':
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
          throw new UsageError(`${shown}: "maxFileSize" must be a number of bytes above 0`);
        }
        config.maxFileSize = Math.floor(v);
        break;
      case 'languages': {
        const langs = stringArray(shown, key, v);
        for (const l of langs) {
          if (!(LANGUAGES as readonly string[]).includes(l)) {
            throw new UsageError(`${shown}: "languages" entries must be ${LANGUAGES.join(' or ')}, not '${l}'`);
          }
        }
        config.languages = langs as Language[];
        break;
      }
      case 'jobs':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_JOBS) {
          throw new UsageError(`${shown}: "jobs" must be a whole number from 1 to ${MAX_JOBS}`);
        }
        config.jobs = v;
        break;
      case '$schema':
        break;
      default:
        warnings.push(`${shown}: unknown setting "${key}" ignored`);
    }
  }
  return { config, file, warnings };
}
