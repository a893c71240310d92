// What a person does in VS Code's workbench, as keystrokes in the page, each followed by a bounded wait on
// what the workbench shows (never a fixed pause). Selectors are those of VS Code 1.100 (code-server 4.100.x).
import type { Locator, Page } from 'playwright-core';

export const TIMEOUT = {
  workbench: 60_000,
  ui: 15_000,
  /** Diagnostics and hovers wait on the extension's activation and the server's first indexing. */
  server: 60_000,
};

/** The text as a person reads it: the editor draws spaces as no-break spaces. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT.workbench });
  // The explorer lists the folder once the workbench has connected to the server and read it.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT.workbench });
}

/** Ctrl+P, the file name, Enter; resolves when the file is the active editor. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
  await input.fill(name);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ timeout: TIMEOUT.ui });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT.ui });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ timeout: TIMEOUT.ui });
  return editor;
}

/** Puts the cursor inside the first occurrence of `text` (Ctrl+F, Enter, Escape, then one step into it). */
export async function putCursorIn(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-widget.find-widget.visible');
  await find.waitFor({ timeout: TIMEOUT.ui });
  const input = find.locator('textarea, input').first();
  await input.fill(text);
  await find.locator('.matchesCount', { hasText: /^1 of / }).waitFor({ timeout: TIMEOUT.ui });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await find.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
  // Left collapses the selection to the match's start; Right moves one character in, so the cursor is inside
  // the claim whether a server treats a range's ends as inclusive or not.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
}

/**
 * Ctrl+K Ctrl+I (Show or Focus Hover); resolves with the text of the extensions' Markdown hovers once
 * `problemsOf` finds nothing wrong with it, or throws what it finds when the wait runs out. The diagnostics' own hover part (message, related locations) is left out: the check is on
 * what the extension's hover provider returned.
 */
export async function showHover(page: Page, problemsOf: (text: string) => string[]): Promise<string> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
  const markdown = hover.locator('.markdown-hover');
  const deadline = Date.now() + TIMEOUT.server;
  for (;;) {
    const text = plain((await markdown.allInnerTexts()).join('\n'));
    const problems = problemsOf(text);
    if (problems.length === 0) break;
    if (Date.now() > deadline) {
      throw new Error(`${problems.join('; ')}; the hover shows: ${oneLine(plain(await hover.innerText()))}`);
    }
    await page.waitForTimeout(250); // polling interval of a bounded wait
  }
  // A diagnostic's part (with its related locations) comes first and can push the table out of the hover's
  // scrolled view: focus the hover (the same keys again) and scroll it to its end, so the screenshot shows it.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.keyboard.press('End');
  return plain((await markdown.allInnerTexts()).join('\n'));
}

/** Ctrl+Shift+M; resolves with the Problems panel's rows once `ready` says they are there. */
export async function showProblems(page: Page, ready: (rows: string[]) => boolean): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
  const rows = panel.locator('.monaco-list-row');
  const deadline = Date.now() + TIMEOUT.server;
  let last: string[] = [];
  for (;;) {
    // A row's aria-label says severity, message and position in words; its text adds the code, "source(code)".
    last = (
      await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} | ${e.textContent ?? ''}`))
    ).map(plain);
    if (ready(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`the Problems panel did not show what was expected; it shows: ${last.join(' / ') || 'nothing'}`);
    }
    await page.waitForTimeout(250); // polling interval of a bounded wait, not a pause in the test's flow
  }
}

/** Ctrl+. on the cursor; picks the first action whose label starts with `prefix`; resolves with its label. */
export async function applyCodeAction(page: Page, prefix: string): Promise<string> {
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  await widget.waitFor({ state: 'visible', timeout: TIMEOUT.server });
  const actions = widget.locator('.monaco-list-row.action');
  try {
    await actions.filter({ hasText: prefix }).first().waitFor({ timeout: TIMEOUT.ui });
  } catch {
    const offered = plain(await widget.innerText()).split('\n').filter(Boolean);
    throw new Error(`no code action "${prefix}…" is offered; the menu holds: ${offered.join(' / ') || 'nothing'}`);
  }
  // The keyboard, as a person would: the menu animates in, so a pointer click can land while it still moves.
  // Arrow keys skip the group headers; stop on the first action with the prefix, at most once round the list.
  const count = await actions.count();
  for (let i = 0; i <= count; i++) {
    const focused = plain((await actions.and(page.locator('.focused')).first().getAttribute('aria-label')) ?? '');
    if (focused.startsWith(prefix)) {
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
      return focused;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the code action menu never focused "${prefix}…"`);
}

export async function editorText(editor: Locator): Promise<string> {
  return plain(await editor.locator('.view-lines').innerText());
}

export async function waitForText(
  target: Locator,
  ready: (text: string) => boolean,
  timeoutMs: number,
  what: string,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = plain(await target.innerText({ timeout: TIMEOUT.ui }));
    if (ready(text)) return text;
    if (Date.now() > deadline) throw new Error(`${what} did not show what was expected; it shows: ${oneLine(text)}`);
    await target.page().waitForTimeout(250); // polling interval of a bounded wait
  }
}

export function oneLine(text: string, max = 400): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** F1, the command's title, Enter: runs a command from the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT.ui });
  await page.keyboard.press('Enter');
}
