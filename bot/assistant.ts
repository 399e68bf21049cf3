import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import type { AppointmentDeps } from '../dialogs/appointments/appointmentDeps.js';
import { BookingDialog } from '../dialogs/appointments/bookingDialog.js';
import { CancelBookingDialog } from '../dialogs/appointments/cancelBookingDialog.js';
import { MoveBookingDialog } from '../dialogs/appointments/moveBookingDialog.js';
import { HandoffDialog, type PhoneLine } from '../dialogs/handoffDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { Recognizer } from '../nlu/recognizer.js';
import { AssistantBot } from './assistantBot.js';

export interface AssistantDeps {
  storage: Storage;
  recognizer: Recognizer;
  i18n: i18n;
  phone: PhoneLine;
  defaultLocale: string;
  /** The appointment system (provider, catalog, calendar links) and the municipality's facts. */
  appointments: Omit<AppointmentDeps, 'phone' | 'clock'>;
  /** "Now" for the dialogs, e.g. to read "morgen"; tests pass a fixed clock. */
  clock: () => Date;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const appointments: AppointmentDeps = { ...deps.appointments, phone: deps.phone, clock: deps.clock };
  const mainDialog = new MainDialog(
    {
      'appointment.book': new BookingDialog(appointments),
      'appointment.cancel': new CancelBookingDialog(appointments),
      'appointment.reschedule': new MoveBookingDialog(appointments),
    },
    new HandoffDialog(deps.phone),
    deps.phone,
  );
  return new AssistantBot({
    conversationState: new ConversationState(deps.storage),
    userState: new UserState(deps.storage),
    mainDialog,
    recognizer: deps.recognizer,
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
  });
}
