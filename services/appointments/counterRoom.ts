import type { RoomRule } from '../../stores/bookings/bookingStore.js';

/** The part of a booking that occupies a place: what slot search and stores compare. */
export interface OccupiedPlace {
  service: string;
  counter: string;
  startMs: number;
  endMs: number;
}

/**
 * The capacity rule, shared by slot search and every store so they never disagree:
 * a counter serves one resident at a time, and at most `capacity` residents of the
 * same appointment type are served in parallel.
 * Returns the counters (in preference order) that can take [startMs, endMs); empty when full.
 * `from`/`to` limit the scan to a window of `occupied` (slot search passes the places that can overlap).
 */
export function countersWithRoom(
  occupied: readonly OccupiedPlace[],
  startMs: number,
  endMs: number,
  room: RoomRule,
  from = 0,
  to = occupied.length,
): string[] {
  let sameService = 0;
  let busy: Set<string> | undefined;
  for (let i = from; i < to; i += 1) {
    const place = occupied[i]!;
    if (place.startMs < endMs && place.endMs > startMs) {
      (busy ??= new Set()).add(place.counter);
      if (place.service === room.service) sameService += 1;
    }
  }
  const left = room.capacity - sameService;
  if (left <= 0) return [];
  const free = busy === undefined ? [...room.counters] : room.counters.filter((counter) => !busy.has(counter));
  return free.slice(0, left);
}
