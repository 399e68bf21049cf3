import type { TurnContext } from 'botbuilder';
import type { Recognition } from '../nlu/recognizer.js';
import type { Language, Translate } from './i18n.js';

/** What the bot works out once per turn and every dialog reads. */
export interface TurnServices {
  language: Language;
  t: Translate;
  /** The meaning of the resident's text; null when the turn carries no text. */
  recognition: Recognition | null;
}

const TURN_SERVICES = Symbol('turnServices');

export function setTurnServices(context: TurnContext, services: TurnServices): void {
  context.turnState.set(TURN_SERVICES, services);
}

export function turnServices(context: TurnContext): TurnServices {
  const services = context.turnState.get(TURN_SERVICES) as TurnServices | undefined;
  if (!services) throw new Error('turnServices: the bot did not resolve language and recognition for this turn');
  return services;
}
