// Posting keys: what a source is filed under, and what a claim looks up.
import type { FigureMention } from '../types';
import { PERSON_KEYS } from '../extract/figures';
import { contentTerms } from '../text/terms';

/** A figure is filed under its counted thing, its events, its unit, and "person" for any people count. */
export function figureKeys(f: FigureMention): string[] {
  const keys: string[] = [];
  if (f.thingKey) {
    keys.push(`t:${f.thingKey}`);
    if (PERSON_KEYS.has(f.thingKey)) keys.push('t:person');
  }
  for (const e of f.events) keys.push(`e:${e}`);
  if (f.number.unit) keys.push(`u:${f.number.unit}`);
  return keys;
}

/** What a draft figure looks up: the same thing (any person count for "people"), its events, its unit. */
export function figureLookupKeys(f: FigureMention): string[] {
  const keys: string[] = [];
  if (f.thingKey) {
    keys.push(`t:${f.thingKey}`);
    if (f.thingKey === 'people') keys.push('t:person');
    else if (PERSON_KEYS.has(f.thingKey)) keys.push('t:people');
  }
  for (const e of f.events) keys.push(`e:${e}`);
  if (f.number.unit) keys.push(`u:${f.number.unit}`);
  return keys;
}

/** A quotation is filed under its content words. */
export function quoteKeys(inner: string): string[] {
  return [...new Set(contentTerms(inner))].map((t) => `q:${t}`);
}

export function dateLookupKeys(sentence: string): string[] {
  return [...new Set(contentTerms(sentence))].map((t) => `d:${t}`);
}
