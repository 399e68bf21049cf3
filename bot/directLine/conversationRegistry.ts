import type { Activity } from 'botbuilder';
import { CodedError } from '../../services/errorCatalogue.js';

/**
 * The local Direct Line endpoint's conversations, kept in memory.
 *
 * Everything is bounded, because any page can start conversations: a cap on the number of
 * conversations, an idle expiry, a cap on each transcript (oldest activities dropped, by count
 * and by size) and a cap on turns waiting in one conversation's queue. A flood of new
 * conversations must not push out residents who are chatting, so when the cap is reached the
 * first to go are conversations in which nobody ever wrote, then those idle for a while; a
 * conversation in active use is never removed (a new one is refused instead). One address holds
 * a limited number of unused conversations: its own oldest unused one makes room. Turns of one conversation run one after another, so the bot never
 * sees two turns of the same conversation at once; different conversations run in parallel.
 */
export interface LocalConversation {
  readonly id: string;
  /** The user id fixed in the conversation's token. */
  readonly userId: string;
  /** Locale the page asked for when it started the conversation, if any. */
  readonly locale: string | undefined;
  /** Who started it (the client address), to bound unused conversations per address; kept in memory only. */
  readonly startedBy: string;
  /** Whether the resident has posted an activity of their own (a message or an event). */
  used: boolean;
  /** Transcript as the page polls it: the user's activities and the bot's replies, in order. */
  readonly transcript: StoredActivity[];
  /** Sequence number the next activity gets; the watermark is "everything below this". */
  nextSequence: number;
  transcriptBytes: number;
  lastActiveMs: number;
  pendingTurns: number;
  queueTail: Promise<void>;
}

interface StoredActivity {
  sequence: number;
  bytes: number;
  activity: Partial<Activity>;
}

export interface ConversationLimits {
  maxConversations: number;
  idleMs: number;
  maxTranscriptActivities: number;
  maxTranscriptBytes: number;
  maxPendingTurns: number;
  /** A used conversation active within this time is never removed to make room. */
  activeMs: number;
  /** Unused conversations one address may hold; its oldest unused one goes first. */
  maxUnusedPerAddress: number;
}

const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxConversations: 1000,
  idleMs: 60 * 60 * 1000,
  maxTranscriptActivities: 300,
  maxTranscriptBytes: 200_000,
  maxPendingTurns: 5,
  activeMs: 15 * 60 * 1000,
  maxUnusedPerAddress: 20,
};

/** Thrown by `start` when every conversation is in active use and none may be removed. */
export class ConversationLimitError extends CodedError {
  constructor() {
    super('CONVERSATION_LIMIT', 'every conversation slot is in active use');
  }
}

/** Thrown by `enqueueTurn` when a conversation already has too many turns waiting. */
export class TurnQueueFullError extends CodedError {
  constructor() {
    super('TURN_QUEUE_FULL', 'too many turns waiting in this conversation');
  }
}

export interface ActivityPage {
  activities: Partial<Activity>[];
  /** Direct Line sends the watermark as an opaque string. */
  watermark: string;
}

export class ConversationRegistry {
  // A Map keeps insertion order; touching a conversation re-inserts it, so the first entry is
  // always the least recently active one.
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly limits: ConversationLimits;

  constructor(
    private readonly now: () => number,
    limits: Partial<ConversationLimits> = {},
  ) {
    this.limits = { ...DEFAULT_CONVERSATION_LIMITS, ...limits };
  }

  get size(): number {
    return this.conversations.size;
  }

  /** The live conversation with this id (and marks it active), or undefined when unknown or expired. */
  find(id: string): LocalConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isExpired(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    this.touch(conversation);
    return conversation;
  }

  /** Turns waiting or running in a conversation (0 when unknown); does not count as activity. */
  pendingTurns(id: string): number {
    return this.conversations.get(id)?.pendingTurns ?? 0;
  }

  /**
   * Returns the conversation, creating it when needed; `created` says whether it is new.
   * Throws ConversationLimitError when there is no room without removing a conversation in use.
   */
  start(id: string, userId: string, locale: string | undefined, startedBy: string): { conversation: LocalConversation; created: boolean } {
    const existing = this.find(id);
    if (existing) return { conversation: existing, created: false };
    this.makeRoom(startedBy);
    const conversation: LocalConversation = {
      id,
      userId,
      locale,
      startedBy,
      used: false,
      transcript: [],
      nextSequence: 0,
      transcriptBytes: 0,
      lastActiveMs: this.now(),
      pendingTurns: 0,
      queueTail: Promise.resolve(),
    };
    this.conversations.set(id, conversation);
    return { conversation, created: true };
  }

  /** Adds an activity to the transcript with a server id; returns the stored copy. */
  append(conversation: LocalConversation, activity: Partial<Activity>): Partial<Activity> {
    const sequence = conversation.nextSequence++;
    const stored: Partial<Activity> = { ...activity, id: `${conversation.id}|${String(sequence).padStart(7, '0')}` };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.transcript.push({ sequence, bytes, activity: stored });
    conversation.transcriptBytes += bytes;
    const { maxTranscriptActivities, maxTranscriptBytes } = this.limits;
    // Keep at least the newest activity, even when it alone is over the byte budget.
    while (
      conversation.transcript.length > 1 &&
      (conversation.transcript.length > maxTranscriptActivities || conversation.transcriptBytes > maxTranscriptBytes)
    ) {
      const dropped = conversation.transcript.shift()!;
      conversation.transcriptBytes -= dropped.bytes;
    }
    return stored;
  }

  /** Activities at or after the watermark; an absent or unreadable watermark means "from the start". */
  activitiesSince(conversation: LocalConversation, watermark: string | null): ActivityPage {
    const from = /^\d{1,15}$/.test(watermark ?? '') ? Number(watermark) : 0;
    return {
      activities: conversation.transcript.filter((entry) => entry.sequence >= from).map((entry) => entry.activity),
      watermark: String(conversation.nextSequence),
    };
  }

  /**
   * Runs `turn` after every earlier turn of this conversation has finished.
   * Rejects with TurnQueueFullError, without running it, when too many turns are waiting.
   */
  enqueueTurn<T>(conversation: LocalConversation, turn: () => Promise<T>): Promise<T> {
    if (conversation.pendingTurns >= this.limits.maxPendingTurns) {
      return Promise.reject(new TurnQueueFullError());
    }
    conversation.pendingTurns++;
    const result = conversation.queueTail.then(turn).finally(() => {
      conversation.pendingTurns--;
    });
    // The queue continues whether this turn succeeded or failed.
    conversation.queueTail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private isExpired(conversation: LocalConversation): boolean {
    return this.now() - conversation.lastActiveMs > this.limits.idleMs;
  }

  private touch(conversation: LocalConversation): void {
    conversation.lastActiveMs = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Marks that the resident wrote in this conversation: from now on it is protected while active. */
  markUsed(conversation: LocalConversation): void {
    conversation.used = true;
  }

  private makeRoom(startedBy: string): void {
    for (const conversation of this.conversations.values()) {
      if (!this.isExpired(conversation)) break;
      this.conversations.delete(conversation.id);
    }
    // Map order is least recently active first, so each search below finds the oldest candidate.
    const unusedOfAddress = [...this.conversations.values()].filter((c) => !c.used && c.startedBy === startedBy);
    if (unusedOfAddress.length >= this.limits.maxUnusedPerAddress) this.conversations.delete(unusedOfAddress[0]!.id);
    if (this.conversations.size < this.limits.maxConversations) return;
    const activeSince = this.now() - this.limits.activeMs;
    const candidate =
      this.first((c) => !c.used && c.pendingTurns === 0) ?? this.first((c) => c.lastActiveMs < activeSince && c.pendingTurns === 0);
    if (!candidate) throw new ConversationLimitError();
    this.conversations.delete(candidate.id);
  }

  private first(matches: (conversation: LocalConversation) => boolean): LocalConversation | undefined {
    for (const conversation of this.conversations.values()) if (matches(conversation)) return conversation;
    return undefined;
  }
}
