// package.json contributes.configuration and the server's settings type describe the same settings: same
// keys, same defaults, same allowed values, in both directions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings, type SeverityName, type TraceLevel } from '../../server/src/lsp/settings';

interface Property {
  type: string;
  default: unknown;
  scope?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  description?: string;
  markdownDescription?: string;
}

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = pkg.contributes.configuration.properties;

/** { severity: { contradicted: 'warning' } } -> { 'severity.contradicted': 'warning' } */
function flatten(o: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [fk, fv] of flatten(v, `${prefix}${k}.`)) out.set(fk, fv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const defaults = flatten(DEFAULT_SETTINGS);

// Written out so that tsc fails when a value is added to or dropped from the server's types (a missing key or an
// excess one is a type error); the test below then compares them with package.json.
const SEVERITY_NAMES: Record<SeverityName, true> = { error: true, warning: true, information: true, hint: true, off: true };
const TRACE_LEVELS: Record<TraceLevel, true> = { off: true, messages: true, verbose: true };
const ENUMS: Record<string, string[]> = {
  'severity.contradicted': Object.keys(SEVERITY_NAMES),
  'severity.unsupported': Object.keys(SEVERITY_NAMES),
  'trace.server': Object.keys(TRACE_LEVELS),
};

function jsonType(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

test('every server setting is contributed in package.json, and every contributed setting is one of the server\'s', () => {
  const contributed = Object.keys(properties).map((k) => k.replace(/^citecheck\./, '')).sort();
  assert.deepEqual(contributed, [...defaults.keys()].sort());
});

test('defaults and types agree', () => {
  for (const [key, value] of defaults) {
    const p = properties[`citecheck.${key}`];
    assert.ok(p, key);
    assert.deepEqual(p.default, value, `default of citecheck.${key}`);
    assert.equal(p.type, jsonType(value), `type of citecheck.${key}`);
  }
});

test('allowed values agree, and the server reads each contributed value as itself', () => {
  for (const [key, p] of Object.entries(properties)) {
    const name = key.replace(/^citecheck\./, '');
    assert.deepEqual(p.enum ?? null, ENUMS[name] ?? null, `enum of ${key}`);
    if (p.enum !== undefined) assert.equal(p.enumDescriptions?.length, p.enum.length, `enumDescriptions of ${key}`);
    for (const value of p.enum ?? []) {
      assert.equal(flatten(readSettings({ [name]: value })).get(name), value, `${key}: ${String(value)}`);
    }
  }
});

test('every setting is described and resource-scoped (tracing is per window, as the LanguageClient reads it)', () => {
  for (const [key, p] of Object.entries(properties)) {
    assert.ok((p.description ?? p.markdownDescription ?? '').length > 20, `description of ${key}`);
    assert.equal(p.scope, key === 'citecheck.trace.server' ? 'window' : 'resource', `scope of ${key}`);
  }
});
