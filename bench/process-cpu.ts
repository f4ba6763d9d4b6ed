// CPU time of groups of processes, read from /proc (Linux only; 0 elsewhere), so that a bench can
// say where the time of a run went: the app, the database server, the load generator.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
  pid: number;
  comm: string;
  pgrp: number;
  /** utime + stime, in clock ticks (1/100 s on Linux). */
  ticks: number;
}

function procStats(): ProcStat[] {
  const out: ProcStat[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = text.lastIndexOf(') ');
      // Fields after the ")" that ends the command name: state ppid pgrp … utime(12th) stime(13th).
      const f = text.slice(close + 2).split(' ');
      out.push({
        pid: Number(pid),
        comm: text.slice(text.indexOf('(') + 1, close),
        pgrp: Number(f[2]),
        ticks: Number(f[11]) + Number(f[12]),
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU seconds used so far by one process (0 once it is gone, or off Linux). */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by the processes of one process group (the app started by the bench). */
export function groupCpuSeconds(pgrp: number | undefined): number {
  if (!pgrp) return 0;
  return procStats().reduce((s, p) => (p.pgrp === pgrp ? s + p.ticks : s), 0) / 100;
}

/**
 * CPU seconds used so far by the PostgreSQL server's processes, or with `database`, by the
 * backends connected to that database only (their process title names it), so that other work on
 * the same server is left out. A backend that exits between two readings takes its time with it,
 * so read around a run whose connections stay open (the app's pool does).
 */
export function postgresCpuSeconds(database?: string): number {
  let ticks = 0;
  for (const p of procStats()) {
    if (p.comm !== 'postgres' && !p.comm.startsWith('postgres:')) continue;
    if (database !== undefined && !processTitle(p.pid).includes(` ${database} `)) continue;
    ticks += p.ticks;
  }
  return ticks / 100;
}

function processTitle(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
