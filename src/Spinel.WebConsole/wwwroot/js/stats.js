import { optional } from './api.js';

/**
 * The newest stats sample of each object, by uid, from /v1/{kind}/stats/last: Redis Enterprise answers an object keyed
 * by uid; the interval form ([{uid, intervals: [...]}]) is read too. Null when this node has no stats API.
 */
export async function lastStats(kind) {
  const data = await optional(`/v1/${kind}/stats/last`);
  if (data === null) return null;
  const samples = new Map();
  const entries = Array.isArray(data) ? data.map((item) => [item.uid, item]) : Object.entries(data);
  for (const [uid, value] of entries) {
    const sample = Array.isArray(value?.intervals) ? value.intervals[value.intervals.length - 1] : value;
    if (sample) samples.set(String(uid), sample);
  }
  return samples;
}

export function opsPerSecond(sample) {
  return sample?.instantaneous_ops_per_sec ?? sample?.total_req ?? null;
}

/** avg_latency in microseconds, as Redis Enterprise reports it. */
export function latencyMicros(sample) {
  const value = sample?.avg_latency;
  return value === undefined || value === null ? null : Number(value);
}
