import type { ChatRequest, TokenLogprob } from '@switchyard/core';
import type { ServerErrorInfo } from '../http/server-error-info';
import type { WireChatBody } from '../wire/chat-wire';

/** What a logprob mapper knows besides the wire value. */
export interface LogprobContext {
  request: ChatRequest;
  stream: boolean;
}

/**
 * How one server differs from plain Chat Completions. Every hook is optional: the defaults speak
 * the OpenAI format.
 */
export interface OpenAICompatibleDialect {
  /** Adapter name: the key of `request.providerOptions` this adapter reads. */
  name: string;
  /** Chat endpoint path. Default `/v1/chat/completions`. */
  chatPath?: string;
  /** The `model` field sent, or undefined to leave it out. */
  bodyModel: string | undefined;
  /** Ask for a usage chunk at the end of streams (`stream_options.include_usage`). */
  streamUsage: boolean;
  /** Rewrites the body for the server's quirks, in place. */
  prepareBody?(body: WireChatBody, request: ChatRequest, stream: boolean): void;
  /** Maps one choice's `logprobs` value. Default: OpenAI `logprobs.content`. */
  mapLogprobs?(logprobs: unknown, context: LogprobContext): TokenLogprob[] | undefined;
  /** The model name to report, given what the server said. Default: the server's, else the configured one. */
  responseModel?(serverModel: string | undefined): string | undefined;
  /** Reads an error the server reported inside a stream; default: `{error:{code,message}}` or `{code,message}`. */
  streamError?(payload: unknown): { status: number; info: ServerErrorInfo };
}
