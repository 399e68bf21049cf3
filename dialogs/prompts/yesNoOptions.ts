import type { TurnContext } from 'botbuilder';
import type { Option } from '../../bot/channels/renderer.js';
import { turnServices } from '../../bot/turnState.js';

export const ANSWER_YES = 'yes';
export const ANSWER_NO = 'no';

/** The options of a yes/no question, "Ja" first; `noKey` where "no" is said in the question's own words. */
export function yesNoOptions(context: TurnContext, noKey = 'common:answer.no'): Option[] {
  const { t } = turnServices(context);
  return [
    { value: ANSWER_YES, label: t('common:answer.yes') },
    { value: ANSWER_NO, label: t(noKey) },
  ];
}
