// One progress line for long CLI jobs: done / total, the rate since the job started here, time left.

export interface Progress {
  phase: string;
  total: number;
  done: number;
  failed: number;
}

const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
};

/**
 * "reports: 1,200 / 5,000 (3 failed) · 41.5/s · 1 min 32 s left". `handledHere` is what was done
 * since `elapsedMs` started (a resumed run's earlier work does not inflate the rate).
 */
export function progressLine(p: Progress, handledHere: number, elapsedMs: number): string {
  const handled = p.done + p.failed;
  const rate = elapsedMs > 0 ? (handledHere * 1000) / elapsedMs : 0;
  const left = Math.max(0, p.total - handled);
  const eta = p.phase.toLowerCase() === 'done' ? 'done' : rate > 0 ? `${duration((left / rate) * 1000)} left` : '-';
  const failed = p.failed > 0 ? ` (${p.failed.toLocaleString('en')} failed)` : '';
  return `${p.phase.toLowerCase()}: ${handled.toLocaleString('en')} / ${p.total.toLocaleString('en')}${failed} · ${rate.toFixed(1)}/s · ${eta}`;
}
