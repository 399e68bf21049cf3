import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { i18n } from 'i18next';
import { DocumentRequestDialog } from '../dialogs/documents/documentRequestDialog.js';
import { HandoffDialog, type HandoffServices, type PhoneLine } from '../dialogs/handoffDialog.js';
import { ContactDialog } from '../dialogs/information/contactDialog.js';
import { OpeningHoursDialog } from '../dialogs/information/openingHoursDialog.js';
import type { AppointmentDeps } from '../dialogs/appointments/appointmentDeps.js';
import { BookingDialog } from '../dialogs/appointments/bookingDialog.js';
import { CancelBookingDialog } from '../dialogs/appointments/cancelBookingDialog.js';
import { MoveBookingDialog } from '../dialogs/appointments/moveBookingDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { ThuisloketDialog } from '../dialogs/thuisloket/thuisloketDialog.js';
import type { Recognizer } from '../nlu/recognizer.js';
import type { MunicipalityData } from '../services/municipality/municipalityData.js';
import { AssistantBot } from './assistantBot.js';
import { ConversationMemory } from './conversationMemory.js';

export interface AssistantDeps {
  storage: Storage;
  recognizer: Recognizer;
  i18n: i18n;
  phone: PhoneLine;
  defaultLocale: string;
  /** Callback requests or agent hub; without it the handoff only gives the phone number. */
  handoff?: HandoffServices;
  /** The municipality's facts (hours, contact, documents) the answers are built from. */
  facts: MunicipalityData;
  /** The clock for "are you open now?"; tests pass a fixed one. */
  now: () => Date;
  /** The appointment system (provider, catalog, calendar links, clock) and the municipality's facts. */
  appointments: Omit<AppointmentDeps, 'phone'>;
}

/** Wires the dialogs into the bot. The one place that knows every capability. */
export function createAssistant(deps: AssistantDeps): AssistantBot {
  const { facts, now } = deps;
  const conversationState = new ConversationState(deps.storage);
  const memory = new ConversationMemory(conversationState, { now });
  const handoff = new HandoffDialog(deps.phone, deps.handoff ? { ...deps.handoff, now, recall: memory } : undefined);
  const appointments: AppointmentDeps = { ...deps.appointments, phone: deps.phone };
  const mainDialog = new MainDialog(
    {
      'thuisloket.info': new ThuisloketDialog(facts),
      'document.request': new DocumentRequestDialog(facts),
      'info.hours': new OpeningHoursDialog(facts.municipality, now),
      'info.contact': new ContactDialog(facts.municipality),
      'appointment.book': new BookingDialog(appointments),
      'appointment.cancel': new CancelBookingDialog(appointments),
      'appointment.reschedule': new MoveBookingDialog(appointments),
    },
    handoff,
    deps.phone,
  );
  return new AssistantBot({
    conversationState,
    userState: new UserState(deps.storage),
    mainDialog,
    recognizer: deps.recognizer,
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
    observers: [memory],
  });
}
