// The `citecheck` binary. Any failure ends in one line on stderr and exit code 2, never a stack trace.
import { UsageError } from './errors';
import { run } from './run';

function fail(err: unknown): never {
  const msg = err instanceof UsageError ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`citecheck: ${msg.split('\n')[0]}\n`);
  if (process.env.CITECHECK_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(2);
}

// `citecheck ... | head` closes stdout early: stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(err);
});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  fail,
);
