/** Every dialog and prompt id in one place, so ids never drift between dialogs and tests. */
export const DialogIds = {
  main: 'main',
  mainWaterfall: 'main.waterfall',
  handoff: 'handoff',
  handoffSteps: 'handoff.steps',
  handoffOffer: 'handoff.offer',
  callbackMoment: 'handoff.callbackMoment',
  callbackPhone: 'handoff.callbackPhone',
  callbackCancel: 'handoff.callbackCancel',
  callbackReference: 'handoff.callbackReference',
  anythingElsePrompt: 'main.anythingElse',
  mainClosing: 'main.closing',
  survey: 'survey',
  surveyStart: 'survey.start',
  surveyQuestion: 'survey.question',
  surveyQuestionPrompt: 'survey.questionPrompt',
} as const;
export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
