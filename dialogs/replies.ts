import type { TurnContext } from 'botbuilder';
import type { Option } from '../bot/channels/renderer.js';
import { turnServices } from '../bot/turnState.js';
import type { Intent } from '../domain/nluContract.js';

/** The main menu: what the assistant can do, offered at welcome, on help and after a greeting. */
const MENU_INTENTS = [
  'thuisloket.info',
  'document.request',
  'appointment.book',
  'info.hours',
  'handoff.human',
] as const satisfies readonly Intent[];

export function menuOptions(context: TurnContext): Option[] {
  const { t } = turnServices(context);
  return MENU_INTENTS.map((intent) => ({ value: intent, label: t(`common:menu.${intent}`) }));
}

/** Help while a question is open: what the assistant can do, and that the question is still open. */
export async function sendHelp(context: TurnContext): Promise<void> {
  const { t } = turnServices(context);
  await context.sendActivity(t('common:help.inDialog'));
}
