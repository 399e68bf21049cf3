/**
 * Where survey answers and conversation outcomes are kept. Interfaces only: the embedded
 * implementations (embeddedSurveyStore.ts, embeddedOutcomeStore.ts) keep them in DATA_DIR, the
 * PostgreSQL ones (postgresSurveyStore.ts, postgresOutcomeStore.ts) in the database; both keep the same contract
 * (test/stores/survey/surveyStoreContract.ts).
 */
import type { SurveyCounts } from '../../services/survey/surveyCounts.js';
import type { ReportRange } from '../../services/survey/surveyReport.js';
import type {
  ConversationOutcome,
  ConversationOutcomeCount,
  SurveyResponse,
  OpeningHoursFlag,
  SurveyedOutcome,
} from '../../services/survey/surveyResponse.js';

interface SurveyAddResult {
  /** False when this request was already handled (a retried activity): nothing changed. */
  stored: boolean;
}

export interface SurveyStore {
  /**
   * Stores `row`, or replaces the stored row with the same id (a survey grows answer by answer).
   * Idempotent per `requestId` (the activity id): a retried activity changes nothing.
   * The request id itself is never stored with the row. Throws InvalidSurveyRowError for a bad row.
   */
  add(row: SurveyResponse, requestId: string): Promise<SurveyAddResult>;
  /** Rows whose day lies in from..to (inclusive), ordered by day. */
  list(range: ReportRange): Promise<SurveyResponse[]>;
  /**
   * The counts the survey report is made of, for the rows in from..to, computed where the rows are
   * (PostgreSQL: GROUP BY queries); `surveyReportFromCounts` turns them into figures.
   */
  reportCounts(range: ReportRange): Promise<SurveyCounts>;
  /** Adds generated demo rows in one write; every row must be marked synthetic. Returns how many were added. */
  addSynthetic(rows: readonly SurveyResponse[]): Promise<number>;
  /** Deletes the synthetic rows, never a real one. Returns how many were deleted. */
  removeSynthetic(): Promise<number>;
}

/** Which conversation, on which day and channel. `conversationKey` is hashed by the store, never kept as is. */
export interface ConversationMark {
  /** Europe/Brussels day, YYYY-MM-DD. */
  day: string;
  /** Channel id (webchat, sms, …). */
  channel: string;
  /** Something unique to the conversation, e.g. channel id + conversation id. */
  conversationKey: string;
  /**
   * Whether the counter was open at this moment. The conversation keeps the flag of its first mark
   * (when it started); without one it counts as unknown.
   */
  openingHours?: OpeningHoursFlag;
}

interface OutcomeRecord extends ConversationMark {
  outcome: SurveyedOutcome;
}

export interface OutcomeStore {
  /** A resident started a conversation: it counts as abandoned unless it is resolved or escalated. Idempotent. */
  start(mark: ConversationMark): Promise<void>;
  /**
   * The conversation was resolved by the bot or escalated to staff. A conversation counts once:
   * escalated wins over resolved (once handed to staff, it stays escalated). Returns the outcome
   * that now stands for the conversation.
   */
  record(record: OutcomeRecord): Promise<ConversationOutcome>;
  /**
   * Outcome counts of the closed days in from..to, per day, channel, outcome and opening-hours flag
   * (rows without a flag: unknown). Days still open (today, yesterday) are not in it yet.
   */
  counts(range: ReportRange): Promise<ConversationOutcomeCount[]>;
}
