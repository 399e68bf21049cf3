import type { RoomRule } from './bookingStore.js';

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
 */
export function countersWithRoom(
  occupied: Iterable<OccupiedPlace>,
  startMs: number,
  endMs: number,
  room: RoomRule,
): string[] {
  let sameService = 0;
  const busy = new Set<string>();
  for (const place of occupied) {
    if (place.startMs < endMs && place.endMs > startMs) {
      busy.add(place.counter);
      if (place.service === room.service) sameService += 1;
    }
  }
  const left = room.capacity - sameService;
  if (left <= 0) return [];
  return room.counters.filter((counter) => !busy.has(counter)).slice(0, left);
}
