// The extension in a real VS Code, on a scratch workspace holding examples/drafts/north-korean-losses.md beside
// examples/sources copied into sources/ (test/vscode/run.ts makes it). examples/README.md lists the errors
// planted in the draft; "Roughly 15,000 North Korean soldiers" is contradicted by all five sources.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runAll, test } from './runner';
import { codeOf, diagnosticsWhere, eventually } from './wait';
import { CloseAction } from 'vscode-languageclient/node';
import { MAX_RESTARTS, RESTART_WINDOW_MS, restartPolicy } from '../../../client/src/restartPolicy';

const FIGURE = '15,000';

function draftUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'north-korean-losses.md');
}

async function openDraft(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(draftUri());
  await vscode.window.showTextDocument(doc);
  return doc;
}

function figureRange(doc: vscode.TextDocument): vscode.Range {
  const at = doc.getText().indexOf(FIGURE);
  assert.ok(at >= 0, `the draft holds ${FIGURE}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + FIGURE.length));
}

function isFigureContradiction(doc: vscode.TextDocument) {
  return (d: vscode.Diagnostic) => d.source === 'citecheck' && codeOf(d) === 'figure-contradicted' && d.range.contains(figureRange(doc).start);
}

test('activates on a Markdown draft and registers its commands', async () => {
  await openDraft();
  const ext = vscode.extensions.getExtension('citecheck.citecheck');
  assert.ok(ext, 'the extension is installed');
  await ext.activate();
  assert.equal(ext.isActive, true);
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['checkCurrentDraft', 'checkAllDrafts', 'reindexSources', 'showOutput', 'openReport', 'exportReport']) {
    assert.ok(commands.includes(`citecheck.${id}`), `citecheck.${id} is registered`);
  }
});

test('diagnostics: the figure every source contradicts is a warning with evidence in each source', async () => {
  const doc = await openDraft();
  const all = await diagnosticsWhere(doc.uri, (ds) => ds.some(isFigureContradiction(doc)));
  const d = all.find(isFigureContradiction(doc));
  assert.ok(d);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(d.relatedInformation?.length, 5, 'one related location per contradicting source');
  assert.ok(all.some((x) => codeOf(x) === 'quote-altered'), 'the altered quotation is reported too');
  assert.ok(all.some((x) => codeOf(x) === 'unsupported' && x.severity === vscode.DiagnosticSeverity.Information), 'unsupported claims are information');
});

test('a setting changed at run time reaches the server: contradicted claims become errors, then warnings again', async () => {
  const doc = await openDraft();
  const config = vscode.workspace.getConfiguration('citecheck', doc.uri);
  const severityOfFigure = (want: vscode.DiagnosticSeverity) => (ds: readonly vscode.Diagnostic[]) =>
    ds.some((d) => isFigureContradiction(doc)(d) && d.severity === want);
  await config.update('severity.contradicted', 'error', vscode.ConfigurationTarget.Workspace);
  try {
    await diagnosticsWhere(doc.uri, severityOfFigure(vscode.DiagnosticSeverity.Error));
  } finally {
    await config.update('severity.contradicted', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await diagnosticsWhere(doc.uri, severityOfFigure(vscode.DiagnosticSeverity.Warning));
});

test('a source added on disk is indexed, and removed again when deleted', async () => {
  const doc = await openDraft();
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const added = vscode.Uri.joinPath(folder.uri, 'sources', 'zz-added.txt');
  const message = (ds: readonly vscode.Diagnostic[]) => ds.find(isFigureContradiction(doc))?.message ?? '';
  const before = message(await diagnosticsWhere(doc.uri, (ds) => message(ds) !== ''));
  const text = 'Officials said roughly 15,000 North Korean soldiers were deployed to the Kursk region.\n';
  await vscode.workspace.fs.writeFile(added, new TextEncoder().encode(text));
  try {
    await diagnosticsWhere(doc.uri, (ds) => message(ds) !== before);
  } finally {
    await vscode.workspace.fs.delete(added);
  }
  await diagnosticsWhere(doc.uri, (ds) => message(ds) === before);
});

test('hover on the figure lists every source with its verdict', async () => {
  const doc = await openDraft();
  const position = figureRange(doc).start.translate(0, 1);
  const text = await eventually(
    doc.uri,
    async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
      const all = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      return all.includes('contradicts') ? all : undefined;
    },
    'a hover with verdicts',
  );
  for (const id of ['000', '001', '002', '003', '004']) assert.ok(text.includes(id), `the hover names source ${id}`);
  assert.ok(!/<script|command:/i.test(text), 'no raw HTML or command links');
});

test('the quick fix puts the source\'s figure in place of the draft\'s, touching only the claim', async () => {
  const doc = await openDraft();
  const range = figureRange(doc);
  const before = doc.getText();
  const actions = await eventually(
    doc.uri,
    async () => {
      const got = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [];
      return got.some((a) => a.title.startsWith("Use the source's figure")) ? got : undefined;
    },
    'a "Use the source\'s figure" code action',
  );
  const fix = actions.find((a) => a.title.startsWith("Use the source's figure") && a.edit !== undefined);
  assert.ok(fix?.edit, `a fix with an edit among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  const after = doc.getText();
  assert.notEqual(after, before);
  assert.ok(!after.includes(FIGURE), `${FIGURE} was replaced`);
  const start = doc.offsetAt(range.start) - 20;
  assert.equal(after.slice(0, start), before.slice(0, start), 'the text before the claim is untouched');
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('Check Current Draft and Check All Drafts run without error', async () => {
  await openDraft();
  await vscode.commands.executeCommand('citecheck.checkCurrentDraft');
  await vscode.commands.executeCommand('citecheck.checkAllDrafts');
});

test('a crashing server is restarted a few times, then left stopped with a message', async () => {
  let now = 0;
  const policy = restartPolicy(() => now);
  for (let i = 1; i <= MAX_RESTARTS; i++) assert.equal((await policy.closed()).action, CloseAction.Restart, `crash ${i}`);
  const last = await policy.closed();
  assert.equal(last.action, CloseAction.DoNotRestart);
  assert.match(last.message ?? '', /will not be restarted/);
  now += RESTART_WINDOW_MS;
  assert.equal((await policy.closed()).action, CloseAction.Restart, 'old crashes no longer count');
});

export function run(): Promise<void> {
  return runAll();
}
