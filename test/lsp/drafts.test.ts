// Drafts: the last check of each open draft, and letting go of a folder's index before a reindex.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildCorpus } from '../../server/src/core/check';
import { Drafts } from '../../server/src/lsp/drafts';
import type { FolderIndex } from '../../server/src/lsp/folders';

const dir = 'examples/sources';
const folderOf = (): FolderIndex => ({ corpus: buildCorpus(readdirSync(dir).map((n) => ({ id: n, text: readFileSync(`${dir}/${n}`, 'utf8') }))) }) as unknown as FolderIndex;

describe('Drafts', () => {
  it('keeps the last check of a draft for the same version, and lets go of it and its cache on release', () => {
    const drafts = new Drafts();
    const a = folderOf();
    const b = folderOf();
    const docA = TextDocument.create('untitled:a.md', 'markdown', 1, 'Roughly 15,000 North Korean soldiers were deployed.\n');
    const docB = TextDocument.create('untitled:b.md', 'markdown', 1, 'About 11,000 North Korean soldiers were deployed.\n');
    const first = drafts.check(docA, a);
    assert.equal(drafts.check(docA, a), first, 'same version, same corpus: the same check');
    drafts.check(docB, b);
    drafts.release([a]);
    assert.equal(drafts.last(docA.uri), null, "the released folder's draft keeps no check");
    assert.notEqual(drafts.last(docB.uri), null, "another folder's draft keeps its own");
    const again = drafts.check(docA, a);
    assert.notEqual(again, first);
    assert.deepEqual(again.claims.map((c) => c.status), first.claims.map((c) => c.status));
  });
});
