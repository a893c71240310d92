// Settings pulled from the client per document scope (workspace/configuration), cached until the client says
// they changed. A client that cannot be asked sends them with didChangeConfiguration instead.
import type { Connection } from 'vscode-languageserver';
import type { Log } from './log';
import { errorText } from './log';
import { DEFAULT_SETTINGS, readSettings, type CitecheckSettings } from './settings';

export class SettingsCache {
  private readonly byScope = new Map<string, Promise<CitecheckSettings>>();
  private pushed: CitecheckSettings = DEFAULT_SETTINGS;
  /** Bumped on every change, so results computed under older settings are known to be stale. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly log: Log,
  ) {}

  get(scopeUri: string | undefined): Promise<CitecheckSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let got = this.byScope.get(key);
    if (!got) {
      got = this.connection.workspace.getConfiguration(scopeUri === undefined ? { section: 'citecheck' } : { scopeUri, section: 'citecheck' }).then(
        (raw: unknown) => readSettings(raw),
        (err: unknown) => {
          this.log.warn(`reading the citecheck settings failed (${errorText(err)}); using the defaults`);
          return DEFAULT_SETTINGS;
        },
      );
      this.byScope.set(key, got);
    }
    return got;
  }

  /** didChangeConfiguration: forget what was pulled; a pushing client sends the new values along. */
  changed(raw: unknown): void {
    this.byScope.clear();
    this.generation++;
    if (!this.canPull) this.pushed = readSettings((raw as { citecheck?: unknown } | null)?.citecheck);
  }
}
