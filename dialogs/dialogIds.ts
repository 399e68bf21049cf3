/** Every dialog and prompt id in one place, so ids never drift between dialogs and tests. */
export const DialogIds = {
  main: 'main',
  mainWaterfall: 'main.waterfall',
  handoff: 'handoff',
  anythingElsePrompt: 'main.anythingElse',
  mainClosing: 'main.closing',
  survey: 'survey',
  surveyStart: 'survey.start',
  surveyQuestion: 'survey.question',
  surveyQuestionPrompt: 'survey.questionPrompt',
} as const;
export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
