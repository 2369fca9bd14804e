// Samples a process's resident memory (Linux /proc) so the benchmark can report the server's peak.
import fs from 'node:fs';

export type RssSampler = { peakMb: () => number; resetPeak: () => void; stop: () => void };

/** Current resident set size of a process in bytes, or 0 when it cannot be read. */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Reads the RSS every `everyMs` and keeps the highest value since the last reset. */
export function sampleRss(pid: number, everyMs = 50): RssSampler {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, everyMs);
  timer.unref();
  return {
    peakMb: () => Math.round(Math.max(peak, rssBytes(pid)) / 1024 / 1024),
    resetPeak: () => {
      peak = rssBytes(pid);
    },
    stop: () => clearInterval(timer),
  };
}
