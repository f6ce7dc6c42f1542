// Where a lab's conversation stands: its messages, whether a model is answering, the failure
// shown and what the box holds. Kept apart from the state machine (labConversation.ts) so the chat
// can show a stored conversation before the tutor's code has arrived.
import type { LlmFailure } from "./llmFailure.js";
import { lastFailed, type TranscriptMessage } from "./transcript.js";

export interface ConversationState {
  messages: readonly TranscriptMessage[];
  /** The learner's model is answering. */
  busy: boolean;
  /** The failure shown above the input, or null. */
  error: LlmFailure | null;
  /** What the input box holds. */
  input: string;
  /** The note under the input box (a message too long for one message). */
  inputNote: string;
}

/** A state to start from: the stored messages, with a failed message back in the box. */
export function initialConversation(messages: readonly TranscriptMessage[]): ConversationState {
  return { messages, busy: false, error: null, input: lastFailed(messages)?.text ?? "", inputNote: "" };
}
