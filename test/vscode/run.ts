// npm run test:vscode: the extension in a real VS Code (@vscode/test-electron). The suite is bundled first,
// then a scratch workspace is made from the examples (one draft beside a sources/ folder), then VS Code is
// downloaded (or taken from VSCODE_EXECUTABLE) and started on it. Where no VS Code build can be had (no internet)
// this prints one SKIPPED line and exits 0: skipped, never passed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');
const DOWNLOAD_LIMIT_MS = 30_000;

async function bundleSuite(): Promise<string> {
  const outfile = path.join(__dirname, 'out', 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

function scratchWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citecheck-vscode-'));
  const ws = path.join(dir, 'workspace');
  mkdirSync(path.join(ws, 'sources'), { recursive: true });
  cpSync(path.join(root, 'examples', 'sources'), path.join(ws, 'sources'), { recursive: true });
  cpSync(path.join(root, 'examples', 'drafts', 'north-korean-losses.md'), path.join(ws, 'north-korean-losses.md'));
  return dir;
}

/** A VS Code executable, or the reason there is none. */
async function vscodeExecutable(): Promise<{ path: string } | { skip: string }> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) return { path: given };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_LIMIT_MS / 1000} s`)), DOWNLOAD_LIMIT_MS);
  });
  try {
    const download = downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION ?? 'stable',
      cachePath: path.join(root, '.cache', 'vscode-test'),
      reporter: new SilentReporter(),
      timeout: DOWNLOAD_LIMIT_MS,
    });
    return { path: await Promise.race([download, limit]) };
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
    return { skip: reason };
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const suite = await bundleSuite();
  const exe = await vscodeExecutable();
  if ('skip' in exe) {
    console.log(`test:vscode: SKIPPED: no VS Code build could be downloaded (${exe.skip})`);
    return 0;
  }
  // Electron needs an X display; on a headless Linux CI runner, run again under xvfb-run with the build found.
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    const which = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
    if (which.status !== 0) {
      console.error('test:vscode: FAILED: no X display (DISPLAY is unset) and no xvfb-run to make one; apt-get install xvfb');
      return 1;
    }
    const again = spawnSync('xvfb-run', ['-a', process.execPath, '--import', 'tsx', __filename], {
      stdio: 'inherit',
      env: { ...process.env, VSCODE_EXECUTABLE: exe.path },
    });
    return again.status ?? 1;
  }
  const dir = scratchWorkspace();
  try {
    await runTests({
      vscodeExecutablePath: exe.path,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [
        path.join(dir, 'workspace'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(dir, 'user-data')}`,
      ],
    });
    console.log('test:vscode: passed');
    return 0;
  } catch (err) {
    console.error(`test:vscode: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`test:vscode: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
