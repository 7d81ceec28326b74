import { z } from 'zod';
import { InvalidRequestError } from '../errors/errors';
import type { ChatRequest } from '../types/chat-request';
import type { RequestContext } from '../types/classification';
import { describeZodError } from './format-zod-issue';

const nonEmpty = z.string().min(1, 'must not be empty');
const toolCall = z.strictObject({ id: nonEmpty, name: nonEmpty, arguments: z.string() });
const textPart = z.strictObject({ type: z.literal('text'), text: z.string() });

const message = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: z.string() }),
  z.strictObject({ role: z.literal('user'), content: z.union([z.string(), z.array(textPart)]) }),
  z.strictObject({
    role: z.literal('assistant'),
    content: z.string().nullable().optional(),
    toolCalls: z.array(toolCall).optional(),
  }),
  z.strictObject({ role: z.literal('tool'), toolCallId: nonEmpty, content: z.string() }),
]);

const tool = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()),
});

const responseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json') }),
  z.strictObject({
    type: z.literal('json_schema'),
    name: nonEmpty,
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().optional(),
  }),
]);

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const chatRequestSchema = z.strictObject({
  messages: z.array(message).min(1, 'must hold at least one message'),
  tools: z.array(tool).optional(),
  toolChoice: z
    .union([
      z.enum(['auto', 'none', 'required']),
      z.strictObject({ type: z.literal('tool'), name: nonEmpty }),
    ])
    .optional(),
  responseFormat: responseFormat.optional(),
  temperature: finite.min(0).max(2).optional(),
  topP: finite.min(0).max(1).optional(),
  topK: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  presencePenalty: finite.min(-2).max(2).optional(),
  frequencyPenalty: finite.min(-2).max(2).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  stop: z.array(z.string()).max(16).optional(),
  logprobs: z.boolean().optional(),
  topLogprobs: z.number().int().min(0).max(20).optional(),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal').optional(),
  providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

const dataClass = z.enum(['public', 'internal', 'regulated']);

export const requestContextSchema = z.strictObject({
  workload: nonEmpty.optional(),
  dataClass: dataClass.optional(),
  tags: z.record(z.string(), z.string()).optional(),
  requestId: nonEmpty.max(200).optional(),
});

/** Validates a chat request at the public boundary. Throws `InvalidRequestError` naming the field. */
export function parseChatRequest(input: unknown): ChatRequest {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidRequestError({
      message: 'request: expected an object with a `messages` array',
      field: 'request',
    });
  }
  const result = chatRequestSchema.safeParse(input);
  if (!result.success) {
    const { field, message } = describeZodError('request', result.error);
    throw new InvalidRequestError({ message, field, cause: result.error });
  }
  const request = result.data as ChatRequest;
  if (request.topLogprobs !== undefined && request.topLogprobs > 0 && !request.logprobs) {
    throw new InvalidRequestError({
      message: 'request.topLogprobs: needs `logprobs: true`',
      field: 'request.topLogprobs',
    });
  }
  return request;
}

/** Validates the routing context. Throws `InvalidRequestError` naming the field. */
export function parseRequestContext(input: unknown): RequestContext {
  if (input === undefined) return {};
  const result = requestContextSchema.safeParse(input);
  if (!result.success) {
    const { field, message } = describeZodError('context', result.error);
    throw new InvalidRequestError({ message, field, cause: result.error });
  }
  return result.data;
}
