// Waiting on VS Code events with a bound, never on a fixed sleep.
import * as vscode from 'vscode';

/** Resolves with the uri's diagnostics once `accept` holds for them (checked now and on every change). */
export function diagnosticsWhere(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, limitMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!accept(d)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(d);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`);
      reject(new Error(`diagnostics of ${uri.fsPath} never matched within ${limitMs / 1000} s; last: ${JSON.stringify(got)}`));
    }, limitMs);
    check();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Retries `attempt` whenever the document's diagnostics change, until it returns a value (bounded). */
export async function eventually<T>(uri: vscode.Uri, attempt: () => Promise<T | undefined>, what: string, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const got = await attempt();
    if (got !== undefined) return got;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`${what}: not seen within ${limitMs / 1000} s`);
    // The server answers from what it has indexed so far: wait for its next diagnostics of the draft.
    await new Promise<void>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) done();
      });
      const timer = setTimeout(done, Math.min(left, 2000));
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
}
