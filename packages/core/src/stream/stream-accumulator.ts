import {
  type ChatResponse,
  type FinishReason,
  type TokenLogprob,
  type Usage,
  emptyUsage,
} from '../types/chat-response';
import type { ToolCall } from '../types/chat-request';
import type { StreamEvent } from '../types/stream-event';

interface PendingToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Folds stream events into a `ChatResponse`: concatenates text, assembles tool calls from their
 * deltas, collects logprobs and usage, and remembers whether `finish` arrived.
 */
export class StreamAccumulator {
  private readonly textParts: string[] = [];
  private toolCalls: Map<number, PendingToolCall> | undefined;
  private logprobs: TokenLogprob[] | undefined;
  private usage: Usage | undefined;
  finishReason: FinishReason | undefined;
  model: string | undefined;
  responseId: string | undefined;
  /** Text and tool-call deltas seen: a proxy for output tokens when a stream has no logprobs. */
  deltas = 0;

  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /** Output tokens seen so far: logprob entries when present, else deltas. */
  get tokens(): number {
    return this.logprobs ? Math.max(this.logprobs.length, this.deltas) : this.deltas;
  }

  /** Token logprob entries received so far. */
  get logprobCount(): number {
    return this.logprobs?.length ?? 0;
  }

  add(event: StreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.textParts.push(event.text);
        this.deltas++;
        break;
      case 'tool-call-delta': {
        if (!this.toolCalls) this.toolCalls = new Map();
        let call = this.toolCalls.get(event.index);
        if (!call) {
          call = { id: '', name: '', arguments: '' };
          this.toolCalls.set(event.index, call);
        }
        if (event.id) call.id = event.id;
        if (event.name) call.name += event.name;
        call.arguments += event.argumentsDelta;
        this.deltas++;
        break;
      }
      case 'logprobs':
        if (this.logprobs) for (const entry of event.logprobs) this.logprobs.push(entry);
        else this.logprobs = [...event.logprobs];
        break;
      case 'usage':
        this.usage = event.usage;
        break;
      case 'finish':
        this.finishReason = event.finishReason;
        if (event.model) this.model = event.model;
        if (event.responseId) this.responseId = event.responseId;
        break;
      case 'error':
        break;
    }
  }

  /** The response so far (`finishReason` is `other` until `finish` arrived). */
  toResponse(meta: {
    provider: string;
    model: string;
    latencyMs: number;
    timeToFirstTokenMs?: number;
  }): ChatResponse {
    const toolCalls: ToolCall[] = [];
    if (this.toolCalls) {
      for (const index of [...this.toolCalls.keys()].sort((a, b) => a - b)) {
        const call = this.toolCalls.get(index)!;
        toolCalls.push({ id: call.id, name: call.name, arguments: call.arguments });
      }
    }
    const response: ChatResponse = {
      text: this.textParts.join(''),
      toolCalls,
      finishReason: this.finishReason ?? 'other',
      usage: this.usage ?? emptyUsage(),
      provider: meta.provider,
      model: this.model ?? meta.model,
      latencyMs: meta.latencyMs,
    };
    if (this.logprobs) response.logprobs = this.logprobs;
    if (meta.timeToFirstTokenMs !== undefined) response.timeToFirstTokenMs = meta.timeToFirstTokenMs;
    if (this.responseId) response.responseId = this.responseId;
    return response;
  }
}
