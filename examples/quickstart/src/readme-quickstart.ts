import { createRouter, createJsonlAuditSink } from '@switchyard/core';
import { createLlamaCpp } from '@switchyard/llamacpp';
import { createOpenAI } from '@switchyard/openai';
import { createAnthropic } from '@switchyard/anthropic';
import { createClassifier } from '@switchyard/classify';
import { createCostMeter } from '@switchyard/cost';
import { logprobConfidence } from '@switchyard/confidence';

const router = createRouter({
  providers: [
    createLlamaCpp({ id: 'local-qwen', baseURL: 'http://127.0.0.1:8080' }),
    createOpenAI({ id: 'openai', model: 'gpt-4o' }),           // OPENAI_API_KEY
    createAnthropic({ id: 'claude', model: 'claude-sonnet-4-6' }), // ANTHROPIC_API_KEY
  ],
  classifier: createClassifier().forRouter(),                 // PHI, NPI, privileged, trade secrets, credentials, PII
  plugins: [
    logprobConfidence({ threshold: 0.5, to: ['openai'] }),    // unsure local answers escalate (never for regulated data)
    createCostMeter({ deployments: { 'local-qwen': 'rtx-4090' } }),
  ],
  policy: { workloads: { summarize: { prefer: ['local-qwen'] } } },
  audit: createJsonlAuditSink('./audit/switchyard.jsonl'),
});

const answer = await router.chat(
  { messages: [{ role: 'user', content: 'Summarize this visit note: ...' }] },
  { workload: 'summarize', tags: { tenant: 'acme' } },
);
console.log(answer.provider, answer.routing.dataClass, answer.routing.reason);
