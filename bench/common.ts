// What every bench that starts the app does first: stop the app's process group when the bench
// exits (however it exits), and print the load average the figures are to be read against.
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';

export function benchPrelude(server: () => ChildProcess | undefined): void {
  process.on('exit', () => {
    const pid = server()?.pid;
    if (pid)
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
  });
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${process.env.BENCH_NOTE ?? 'figures depend on it'})`,
  );
}
