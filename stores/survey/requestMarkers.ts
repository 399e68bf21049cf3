/**
 * Remembers which requests (activity ids) were already handled, for a day or two, without
 * keeping the ids: each is kept as a keyed hash with a per-day random salt. Hashes are kept
 * sorted, so their order says nothing about when they came; a bucket and its salt are dropped
 * once its day is over, so nobody can later test an id from a log against the file.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { daysBetween } from '../../services/brusselsTime.js';

export interface RequestMarkerBucket {
  day: string;
  salt: string;
  hashes: string[];
}

/** Buckets older than this many days are dropped: long past any channel's retry (about 15 s). */
const KEEP_DAYS = 1;

export function markerHash(salt: string, key: string): string {
  return createHmac('sha256', salt).update(key).digest('base64url').slice(0, 22);
}

/** Drops old buckets from `buckets` (in place). */
export function pruneMarkerBuckets(buckets: RequestMarkerBucket[], today: string): void {
  for (let index = buckets.length - 1; index >= 0; index -= 1) {
    if (daysBetween(buckets[index]!.day, today) > KEEP_DAYS) buckets.splice(index, 1);
  }
}

export function hasMarker(buckets: readonly RequestMarkerBucket[], key: string): boolean {
  return buckets.some((bucket) => bucket.hashes.includes(markerHash(bucket.salt, key)));
}

/** Adds `key` to today's bucket (in place), creating the bucket and its salt when needed. */
export function addMarker(buckets: RequestMarkerBucket[], key: string, today: string): void {
  let bucket = buckets.find((candidate) => candidate.day === today);
  if (!bucket) {
    bucket = { day: today, salt: randomBytes(16).toString('base64url'), hashes: [] };
    buckets.push(bucket);
  }
  bucket.hashes.push(markerHash(bucket.salt, key));
  bucket.hashes.sort();
}
