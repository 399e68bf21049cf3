import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type CardAction } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import type { ChannelCapabilities } from '../../bot/channels/channelStyle.js';
import type { Question } from '../../bot/channels/renderer.js';
import type { Language } from '../../bot/i18n.js';
import { setTurnServices } from '../../bot/turnState.js';
import { OptionPrompt, type OptionPromptOptions } from '../../dialogs/prompts/optionPrompt.js';

/** The buttons of a rendered question: hero-card buttons or suggested actions. */
export function renderedButtons(activity: Partial<Activity>): CardAction[] {
  const card = activity.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.hero');
  if (card) return (card.content as { buttons?: CardAction[] }).buttons ?? [];
  return activity.suggestedActions?.actions ?? [];
}

/** A rendered message's size the way the channel counts it: the activity as UTF-16 JSON, or its text. */
export function messageSize(activity: Partial<Activity>, channel: ChannelCapabilities): number {
  return channel.messageSizeOf === 'activityJson' ? JSON.stringify(activity).length * 2 : (activity.text ?? '').length;
}

/**
 * What the channel sends back when the resident taps this button: messageBack (Web Chat, Teams) sends
 * its text and hidden value, imBack and quick replies (Telegram, Messenger) post the title as text.
 */
export function tappedButton(action: CardAction): Partial<Activity> {
  if (action.type === 'messageBack') return { text: action.text, value: action.value as unknown };
  return { text: String(action.value) };
}

/**
 * Asks `question` through the real OptionPrompt on `channelId`, then sends `answer` (what the channel
 * would send); resolves to the rendered question and the option value the prompt picked (undefined
 * when it asked again).
 */
export async function askAndAnswer(
  i18next: i18n,
  language: Language,
  channelId: string,
  question: Question,
  answer: (rendered: Partial<Activity>) => Partial<Activity>,
): Promise<{ rendered: Partial<Activity>; picked: string | undefined }> {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogs'));
  dialogs.add(new OptionPrompt('ask'));
  const t = i18next.getFixedT(language);
  let picked: string | undefined;
  const adapter = new TestAdapter(
    async (context) => {
      setTurnServices(context, { language, t, recognition: null });
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        const options: OptionPromptOptions = { id: question.id, prompt: question.text, options: question.options };
        await dc.prompt('ask', options);
      } else if (result.status === DialogTurnStatus.complete) {
        picked = String(result.result);
      }
      await state.saveChanges(context);
    },
    { channelId, locale: language },
  );
  await adapter.receiveActivity({ type: ActivityTypes.Message, text: 'start' });
  const [rendered] = adapter.activeQueue.splice(0) as Partial<Activity>[];
  await adapter.receiveActivity({ type: ActivityTypes.Message, ...answer(rendered!) });
  return { rendered: rendered!, picked };
}
