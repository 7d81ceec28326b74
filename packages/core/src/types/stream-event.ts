import type { SwitchyardError } from '../errors/switchyard-error';
import type { FinishReason, TokenLogprob, Usage } from './chat-response';

/** A piece of answer text. */
export interface TextDeltaEvent {
  type: 'text-delta';
  text: string;
}

/** A piece of a tool call. `index` tells parallel calls apart; `id` and `name` come with the first piece. */
export interface ToolCallDeltaEvent {
  type: 'tool-call-delta';
  index: number;
  id?: string;
  name?: string;
  argumentsDelta: string;
}

/** Logprobs of tokens generated since the previous logprobs event. */
export interface LogprobsEvent {
  type: 'logprobs';
  logprobs: TokenLogprob[];
}

/** Token usage; providers send it once, usually just before `finish`. */
export interface UsageEvent {
  type: 'usage';
  usage: Usage;
}

/** The last event of a complete stream. A stream that ends without it was interrupted. */
export interface FinishEvent {
  type: 'finish';
  finishReason: FinishReason;
  /** The model that served the stream, when the provider names it in the stream. */
  model?: string;
  responseId?: string;
}

/** An error the provider reported inside the stream (for example Anthropic's `error` event). */
export interface ErrorEvent {
  type: 'error';
  error: SwitchyardError;
}

/** What a provider's `stream()` yields. */
export type StreamEvent =
  | TextDeltaEvent
  | ToolCallDeltaEvent
  | LogprobsEvent
  | UsageEvent
  | FinishEvent
  | ErrorEvent;
