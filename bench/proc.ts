import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time of other processes, from Linux's /proc/<pid>/stat: user + system time of every thread
 * of the process (the server's event loop, libuv's thread pool, V8's GC and compiler threads).
 */

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of /proc times (`getconf CLK_TCK`; 100 on practically every Linux). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of `pid` in microseconds; undefined when the process is gone. */
export function processCpuMicros(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces: split after its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of proc(5), counted from field 3 here.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e6) / clockTicksPerSecond();
}

/** CPU time of several processes by pid, as of now (gone ones are left out). */
export function cpuSnapshot(pids: readonly number[]): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const pid of pids) {
    const micros = processCpuMicros(pid);
    if (micros !== undefined) snapshot.set(pid, micros);
  }
  return snapshot;
}

/**
 * CPU spent between two snapshots by the processes present in both: one that exited in between
 * would otherwise count negative (its time is lost; the summary says how many were missed).
 */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): { micros: number; missed: number } {
  let micros = 0;
  let missed = 0;
  for (const [pid, start] of before) {
    const end = after.get(pid);
    if (end === undefined) missed++;
    else micros += end - start;
  }
  return { micros, missed };
}
