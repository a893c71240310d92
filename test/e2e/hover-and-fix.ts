// The offline end-to-end test (`npm run test:e2e`, after `bash test/e2e/setup.sh`): the packaged extension in a
// real VS Code (code-server, driven through Debian's Chromium by playwright-core). It opens the example draft
// beside its sources, waits for the diagnostics, hovers the figure every source contradicts, checks that the
// hover lists every source with the engine's verdict, applies "Use the source's figure", checks the text, and
// hovers again to see the verdicts follow the edit.
// Screenshots go to test-results/. Not named *.test.ts: `npm test` (test/run.mjs) must not start a browser.
//
// E2E_VSIX=path/to.vsix tests that package instead of running `npm run package`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { checkCodeServerInstalled, installExtension, startCodeServer, type RunningCodeServer } from './code-server';
import { engineClaim, hoverProblems, type ExpectedClaim } from './expectations';
import { prepareRun, type RunDirs } from './workspace';
import {
  applyCodeAction,
  editorText,
  oneLine,
  openFile,
  openWorkbench,
  putCursorIn,
  runCommand,
  showHover,
  showProblems,
  waitForText,
} from './workbench';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const DRAFT = 'examples/drafts/north-korean-losses.md';
const SOURCES = 'examples/sources';
/** The figure examples/README.md says every source contradicts. */
const FIGURE = '15,000';
const FIX_PREFIX = "Use the source's figure";
const RESULTS = resolve('test-results');
const OVERALL_TIMEOUT_MS = 6 * 60_000;
const VIEWPORT = { width: 1920, height: 1080 };
/** Tall enough for the whole hover (diagnostic part and table) of the example figure. */
const HOVER_VIEWPORT = { width: 1920, height: 2600 };

let step = 'check the tools';
let page: Page | undefined;
let browser: Browser | undefined;
let server: RunningCodeServer | undefined;
let dirs: RunDirs | undefined;

async function stage<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  step = name;
  const t = Date.now();
  const result = await fn();
  console.log(`e2e: ${name}: ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

function packageExtension(): string {
  const given = process.env.E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`E2E_VSIX=${given} does not exist`);
    return resolve(given);
  }
  const r = spawnSync('npm', ['run', '-s', 'package'], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-5).join(' | ');
    throw new Error(`npm run package failed: ${out}`);
  }
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const vsix = resolve(`citecheck-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}

async function run(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  rmSync(join(RESULTS, 'failure.png'), { force: true }); // a passing run must not leave an earlier failure's picture
  checkCodeServerInstalled();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash test/e2e/setup.sh first`);

  const vsix = await stage('package the extension', packageExtension);
  const run = (dirs = prepareRun(DRAFT, SOURCES));
  const sourcesDir = join(run.workspace, 'sources');
  const expected: ExpectedClaim = await stage('ask the CLI for the verdicts on the figure', () => {
    const claim = engineClaim(run.draft, sourcesDir, (c) => c.text.includes(FIGURE), FIGURE);
    // examples/README.md: every source contradicts this figure. If the engine stops saying so, the test would no
    // longer hover a contradicted figure, so it says that instead of testing something else.
    if (claim.status !== 'contradicted') throw new Error(`the engine now says "${claim.text}" is ${claim.status}, not contradicted`);
    return claim;
  });
  await stage('install the .vsix into code-server', () => installExtension(run, vsix));
  const srv = (server = await stage('start code-server', () =>
    startCodeServer(run, run.workspace, join(RESULTS, 'e2e-code-server.log')),
  ));

  browser = await stage('launch Chromium', () =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  );
  const context = await browser.newContext({ viewport: VIEWPORT });
  const p = (page = await context.newPage());
  const browserLog = createWriteStream(join(RESULTS, 'e2e-browser.log'));
  p.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
  p.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.message}\n`));

  await stage('open the workspace', () => openWorkbench(p, srv.url, run.workspace));
  const editor = await stage('open the draft', () => openFile(p, 'north-korean-losses.md'));

  await stage('wait for the diagnostics in the Problems panel', async () => {
    // The row of the figure: "... at line 12 and character 1. ... citecheck(figure-contradicted) ...".
    const ofFigure = (r: string) => /citecheck/i.test(r) && r.includes('figure-contradicted') && r.includes(`line ${expected.line} `);
    const rows = await showProblems(p, (rs) => rs.some(ofFigure));
    await p.screenshot({ path: join(RESULTS, 'problems.png') });
    console.log(`e2e:   the figure's problem: ${oneLine(rows.find(ofFigure) ?? '', 200)}`);
  });

  await stage(`hover "${FIGURE}"`, async () => {
    await p.keyboard.press('Control+J'); // hide the panel: the editor, and the hover in it, get its height
    await p.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 15_000 });
    await editor.click(); // focus returns to the editor
    await putCursorIn(p, FIGURE);
    await hoverWithScreenshot(p, (t) => hoverProblems(t, expected), 'hover.png');
    console.log(`e2e:   hover lists ${expected.verdicts.length} sources: ${expected.verdicts.map((v) => `${v.name} ${v.verdict}`).join(', ')}`);
  });

  const before = readFileSync(run.draft, 'utf8');
  await p.keyboard.press('Escape'); // the hover may still hold the focus; the cursor stays on the figure
  await stage(`apply "${FIX_PREFIX}…"`, async () => {
    const label = await applyCodeAction(p, FIX_PREFIX);
    const wording = label.slice(label.indexOf(':') + 1).trim();
    console.log(`e2e:   chose "${label}"`);
    // The fix may capitalise the wording at a sentence start; the view wraps lines, hence the loose comparison.
    const loose = (t: string) => t.replace(/\s+/g, ' ').toLowerCase();
    await waitUntil(async () => loose(await editorText(editor)).includes(loose(wording)), 15_000, `the editor to show "${wording}"`);
    await p.keyboard.press('Control+S');
    await waitUntil(() => readFileSync(run.draft, 'utf8') !== before, 15_000, 'the draft to be saved');
    await p.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ timeout: 15_000 });
    const after = readFileSync(run.draft, 'utf8');
    checkEdit(before, after, expected, wording);
  });

  await stage('hover the fixed figure: the verdicts follow the edit', async () => {
    const now = engineClaim(run.draft, sourcesDir, (c) => c.start === expected.start, 'the fixed figure');
    await putCursorIn(p, now.text);
    await hoverWithScreenshot(p, (t) => hoverProblems(t, now), 'after-fix.png');
    console.log(`e2e:   now ${now.status}: ${now.verdicts.map((v) => `${v.name} ${v.verdict}`).join(', ')}`);
  });

  await stage('Check All Drafts in Workspace: the report opens and the counts are announced', async () => {
    await p.keyboard.press('Escape');
    await runCommand(p, 'Citecheck: Check All Drafts in Workspace');
    // The extension's notification when the server has checked every draft: "Citecheck: 1 draft, 16 claims: ...".
    const toast = p.locator('.notifications-toasts .notification-toast', { hasText: 'Citecheck: 1 draft' });
    const text = await waitForText(toast.first(), (t) => /Citecheck: 1 draft, \d+ claims?:/.test(t), 60_000, 'the notification of the checked drafts');
    await p.locator('.tabs-container .tab', { hasText: 'Citecheck report' }).waitFor({ timeout: 30_000 });
    // The tab opens before its webview has drawn: the picture waits for the report's table (a webview's page sits in
    // an iframe inside the workbench's iframe).
    const report = p.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await report.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await p.screenshot({ path: join(RESULTS, 'report.png') });
    console.log(`e2e:   ${oneLine(text, 160)}`);
  });

  await stage('Export JSON from the report: the server writes the file the dialog names', async () => {
    // The report is a webview: its page sits in an iframe inside the workbench's iframe.
    const button = p.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('button[data-export="json"]');
    await button.click({ timeout: 30_000 });
    // The save dialog (VS Code's own, in a browser) offers the extension's default: citecheck-report.json in the
    // workspace folder. Typing over it is fragile (the dialog completes paths as they are typed); it is accepted.
    const input = p.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => (await input.inputValue()).endsWith('citecheck-report.json'), 15_000, 'the save dialog to offer citecheck-report.json');
    await p.keyboard.press('Enter');
    const target = join(run.workspace, 'citecheck-report.json');
    // The server writes the file (in pieces), then the extension says so; the file is what counts.
    const complete = (): boolean => {
      try {
        JSON.parse(readFileSync(target, 'utf8'));
        return true;
      } catch {
        return false;
      }
    };
    await waitUntil(complete, 30_000, 'the exported report to be written');
    const json = JSON.parse(readFileSync(target, 'utf8')) as { sources: unknown[]; drafts: { path: string; claims: { verdicts: unknown[] }[] }[] };
    const draft = json.drafts.find((d) => d.path.endsWith('north-korean-losses.md'));
    if (draft === undefined || draft.claims.length === 0) throw new Error(`the exported report has no claims of the draft: ${oneLine(JSON.stringify(json.drafts.map((d) => d.path)))}`);
    const incomplete = draft.claims.filter((c) => c.verdicts.length !== json.sources.length);
    if (incomplete.length > 0) throw new Error(`${incomplete.length} exported claims lack a verdict per source (${json.sources.length} sources)`);
    console.log(`e2e:   exported ${draft.claims.length} claims × ${json.sources.length} sources to citecheck-report.json`);
  });
}

/**
 * Shows the hover and takes a screenshot of the editor down to the hover's end. VS Code caps a hover at a quarter
 * of the editor's height, so the page grows for the picture, then shrinks back.
 */
async function hoverWithScreenshot(p: Page, problemsOf: (text: string) => string[], file: string): Promise<void> {
  await resizePage(p, HOVER_VIEWPORT);
  await showHover(p, problemsOf);
  const box = await p.locator('.monaco-editor .monaco-hover:not(.hidden)').first().boundingBox();
  const bottom = Math.min(HOVER_VIEWPORT.height, Math.ceil((box?.y ?? 0) + (box?.height ?? 0)) + 40);
  await p.screenshot({ path: join(RESULTS, file), clip: { x: 0, y: 0, width: HOVER_VIEWPORT.width, height: bottom } });
  await p.keyboard.press('Escape');
  await resizePage(p, VIEWPORT);
}

/** Resolves once the workbench has laid itself out for the new size. */
async function resizePage(p: Page, size: { width: number; height: number }): Promise<void> {
  await p.setViewportSize(size);
  // A string, run in the page: this file is type-checked without the DOM library.
  await p.waitForFunction(`document.querySelector('.monaco-workbench')?.clientHeight === ${size.height}`, undefined, {
    timeout: 15_000,
  });
}

/** The edit replaced the figure with the source's wording and touched nothing outside the claim. */
function checkEdit(before: string, after: string, claim: ExpectedClaim, wording: string): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) tail++;
  const changedFrom = head;
  const changedTo = before.length - tail;
  if (changedFrom < claim.start || changedTo > claim.end) {
    throw new Error(`the fix changed text outside the claim (${changedFrom}-${changedTo}, claim ${claim.start}-${claim.end})`);
  }
  const newClaim = after.slice(claim.start, claim.end + after.length - before.length);
  if (newClaim.includes(FIGURE)) throw new Error(`the claim still says ${FIGURE}: "${newClaim}"`);
  const figure = wording.match(/\d[\d,.]*/)?.[0] ?? wording;
  if (!newClaim.includes(figure)) throw new Error(`the claim reads "${newClaim}", without the source's ${figure}`);
  console.log(`e2e:   "${claim.text}" -> "${newClaim}"`);
}

async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval of a bounded wait
  }
}

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => undefined);
  await server?.stop();
}

async function main(): Promise<number> {
  const started = Date.now();
  let passed = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the whole test took over ${OVERALL_TIMEOUT_MS / 60_000} min`)), OVERALL_TIMEOUT_MS);
      }),
    ]);
    console.log(`e2e: passed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/ (problems.png, hover.png, after-fix.png, report.png)`);
    passed = true;
    return 0;
  } catch (err) {
    const shot = join(RESULTS, 'failure.png');
    const took = page ? await page.screenshot({ path: shot }).then(() => true, () => false) : false;
    const logs = [server?.logFile, dirs && join(dirs.userDataDir, 'logs')].filter(Boolean).join(', ');
    console.error(
      `e2e: FAILED at "${step}": ${oneLine((err as Error).message, 600)}` +
        `${took ? ` | screenshot: ${shot}` : ''}${logs ? ` | logs: ${logs}` : ''}`,
    );
    return 1;
  } finally {
    clearTimeout(timer);
    await cleanUp();
    // A failed run keeps its folders: the extension host's and the server's logs are in user-data/logs.
    if (passed && dirs) rmSync(dirs.root, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}
void main().then((code) => process.exit(code));
