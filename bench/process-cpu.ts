// CPU time of groups of processes, read from /proc (Linux only; 0 elsewhere), so that a bench can
// say where the time of a run went: the app, the database server, the load generator.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
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
      out.push({ comm: text.slice(text.indexOf('(') + 1, close), pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU seconds used so far by the processes of one process group (the app started by the bench). */
export function groupCpuSeconds(pgrp: number | undefined): number {
  if (!pgrp) return 0;
  return procStats().reduce((s, p) => (p.pgrp === pgrp ? s + p.ticks : s), 0) / 100;
}

/**
 * CPU seconds used so far by the PostgreSQL server's processes (postmaster and backends). A backend
 * that exits between two readings takes its time with it, so read around a run whose connections
 * stay open (the app's pool does).
 */
export function postgresCpuSeconds(): number {
  return procStats().reduce((s, p) => (p.comm === 'postgres' || p.comm.startsWith('postgres:') ? s + p.ticks : s), 0) / 100;
}
