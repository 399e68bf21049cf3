import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { TurnObserver } from '../../bot/conversationMemory.js';
import { setTurnServices, turnServices } from '../../bot/turnState.js';
import type { Intent } from '../../domain/nluContract.js';
import { callbackCancellationIn } from '../../services/callback/callbackReference.js';
import type { Booking, BookingContact } from '../../stores/bookings/bookingStore.js';
import { bookingCodeInRequest } from './appointmentPrompts.js';
import { wishesToCancel, wishesToMove } from './changeWish.js';

/** One booking made in this conversation: what proves it is the resident's (the code and the contact given). */
interface BookingHere {
  code: string;
  contact: BookingContact;
}

/** What the conversation keeps of the bookings made in it. */
export interface BookingsHereState {
  bookings: BookingHere[];
  /** The next message comes right after a booking: "oei, toch annuleren" is about it, not a stop. */
  justBooked?: boolean;
}

/** The recognizer reads a change of the booking as this sure, once the conversation says which booking. */
const READ_IN_CONTEXT_SCORE = 0.9;

/**
 * The bookings made in this conversation. Cancelling or moving one of them needs no code again
 * ("laat maar, annuleer maar" right after the confirmation). Right after a booking, and in any message
 * with a booking code ("annuleer K7M-4XT"), a wish to cancel or move is read as about the appointment,
 * where the recognizer reads a plain stop.
 */
export class BookingsMadeHere implements TurnObserver {
  constructor(private readonly state: StatePropertyAccessor<BookingsHereState>) {}

  async remember(context: TurnContext, booking: Booking): Promise<void> {
    const kept = await this.kept(context);
    const others = kept.bookings.filter((known) => known.code !== booking.code);
    await this.state.set(context, { bookings: [...others, { code: booking.code, contact: booking.contact }], justBooked: true });
  }

  async forget(context: TurnContext, code: string): Promise<void> {
    const kept = await this.kept(context);
    await this.state.set(context, { bookings: kept.bookings.filter((known) => known.code !== code) });
  }

  /** The one booking made here, when there is exactly one: a cancel or move without a code is about it. */
  async onlyOne(context: TurnContext): Promise<BookingHere | undefined> {
    const { bookings } = await this.kept(context);
    return bookings.length === 1 ? bookings[0] : undefined;
  }

  async observeTurn(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const kept = await this.kept(context);
    const text = context.activity.text ?? '';
    const justBooked = kept.justBooked === true;
    if (justBooked) await this.state.set(context, { bookings: kept.bookings });
    const namesBooking = bookingCodeInRequest(text) !== undefined && callbackCancellationIn(text) === undefined;
    if (!justBooked && !namesBooking) return;
    const change = changeWished(text);
    const services = turnServices(context);
    const { recognition } = services;
    if (!change || !recognition || recognition.intent === change) return;
    // A request the recognizer is sure of ("kan ik er nog een maken voor mijn man?") stays what it is.
    if (recognition.intent !== 'cancel' && recognition.intent !== 'none' && recognition.score >= READ_IN_CONTEXT_SCORE) return;
    setTurnServices(context, { ...services, recognition: { ...recognition, intent: change, score: READ_IN_CONTEXT_SCORE } });
  }

  private async kept(context: TurnContext): Promise<BookingsHereState> {
    return (await this.state.get(context, { bookings: [] })) ?? { bookings: [] };
  }
}

/** The change of an appointment the message asks for: a move word wins ("niet annuleren, verzetten"), else a cancel word. */
function changeWished(text: string): Extract<Intent, 'appointment.cancel' | 'appointment.reschedule'> | undefined {
  if (wishesToMove(text)) return 'appointment.reschedule';
  return wishesToCancel(text) ? 'appointment.cancel' : undefined;
}
