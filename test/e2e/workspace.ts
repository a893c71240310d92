// The throwaway folders of one end-to-end run: a workspace holding an example draft beside a sources/ folder
// (the extension's default `citecheck.sources` is "sources/**"), and a user-data folder with settings that keep
// a fresh VS Code from covering the editor with a trust dialog, a welcome page or tips.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CodeServerDirs } from './code-server';

export interface RunDirs extends CodeServerDirs {
  root: string;
  workspace: string;
  draft: string;
}

const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  // Hovers appear only when asked for (Ctrl+K Ctrl+I), not because the mouse happens to rest on a word.
  'editor.hover.enabled': false,
  // Below the line there is room for the whole table; above line 12 of the draft there is not.
  'editor.hover.above': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

export function prepareRun(draftPath: string, sourcesDir: string): RunDirs {
  const root = mkdtempSync(join(tmpdir(), 'citecheck-e2e-'));
  const workspace = join(root, 'workspace');
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(workspace, 'sources'), { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir);
  const draft = join(workspace, basename(draftPath));
  copyFileSync(draftPath, draft);
  for (const name of readdirSync(sourcesDir)) copyFileSync(join(sourcesDir, name), join(workspace, 'sources', name));
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return { root, workspace, draft, userDataDir, extensionsDir, configFile: join(root, 'code-server.yaml') };
}
