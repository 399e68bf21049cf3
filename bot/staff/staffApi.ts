// The JSON the staff console (web/staff/) reads. The routes answer with these types and the console's
// scripts type-check against them (web/tsconfig.json, without Node's types), so this file and what it
// imports stay free of Node and restify.
import type { CallbackRequest } from '../../stores/callbacks/callbackStore.js';

/** What the console shows of a request; `attempts` counts the calls that did not reach the resident. */
export type StaffCallback = Omit<CallbackRequest, 'requestId' | 'closedAt'> & { attempts: number };

/** `GET /api/staff/callbacks`: the open requests, and who is signed in. */
export interface StaffCallbackList {
  staffMember: string;
  callbacks: StaffCallback[];
}

/** `POST /api/staff/callbacks/:reference/status` and `.../undo`: the request now, and how long its close can be undone. */
export interface StaffCallbackChange {
  callback: StaffCallback;
  undoableForMs: number;
}

/** One appointment in the staff view: who comes, for what and when; no contact details. */
interface StaffAppointment {
  time: string;
  endTime: string;
  name: string;
  service: string;
  serviceName: string;
  code: string;
}

/** `GET /api/staff/appointments?day=YYYY-MM-DD`: the day's appointments per counter. */
export interface StaffDayView {
  day: string;
  counters: Array<{ counter: string; name: string; appointments: StaffAppointment[] }>;
}
