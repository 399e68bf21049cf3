/** Every dialog and prompt id in one place, so ids never drift between dialogs and tests. */
export const DialogIds = {
  main: 'main',
  mainWaterfall: 'main.waterfall',
  handoff: 'handoff',
  anythingElsePrompt: 'main.anythingElse',
  thuisloket: 'thuisloket',
  thuisloketSteps: 'thuisloket.steps',
  thuisloketQuestion: 'thuisloket.question',
  loginAlternatives: 'loginAlternatives',
  loginAlternativesSteps: 'loginAlternatives.steps',
  loginAlternativesQuestion: 'loginAlternatives.question',
  documentRequest: 'documentRequest',
  documentRequestSteps: 'documentRequest.steps',
  documentRequestQuestion: 'documentRequest.question',
  openingHours: 'openingHours',
  openingHoursSteps: 'openingHours.steps',
  openingHoursQuestion: 'openingHours.question',
  contact: 'contact',
  contactSteps: 'contact.steps',
} as const;
export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
