import { createClassifier } from '@switchyard/classify';
import { createJsonlAuditSink, createRouter, type Provider, type Router } from '@switchyard/core';
import { createLlamaCpp } from '@switchyard/llamacpp';
import { createOpenAI } from '@switchyard/openai';
import { startLlamaCppSimulator, startOpenAISimulator } from '@switchyard/testing';

/** The router of this service, and what to stop when it shuts down. */
export interface ServiceRouter {
  router: Router;
  /** One line per provider: where it points. */
  description: string[];
  /** Closes the router (flushing the audit log), then any simulators. */
  close(): Promise<void>;
}

/**
 * One local model (llama-server at LLAMACPP_URL) and one cloud model (OpenAI with OPENAI_API_KEY);
 * each falls back to a loopback simulator when its variable is unset, so the service runs anywhere.
 * Every request is classified in-process; regulated data only ever reaches the local model. With
 * AUDIT_FILE set, an audit record per request goes there (no prompt text).
 */
export async function createServiceRouter(env: NodeJS.ProcessEnv = process.env): Promise<ServiceRouter> {
  const closers: Array<() => Promise<void>> = [];
  const description: string[] = [];
  const providers: Provider[] = [];

  let localURL = env.LLAMACPP_URL;
  if (!localURL) {
    const simulator = await startLlamaCppSimulator({
      slots: 2,
      reply: { text: 'Answered on the local model.' },
    });
    closers.push(() => simulator.close());
    localURL = simulator.url;
    description.push(`local  llama-server simulator at ${localURL} (set LLAMACPP_URL for a real one)`);
  } else {
    description.push(`local  llama-server at ${localURL}`);
  }
  providers.push(createLlamaCpp({ id: 'local', baseURL: localURL }));

  if (env.OPENAI_API_KEY) {
    providers.push(createOpenAI({ id: 'cloud', model: env.OPENAI_MODEL ?? 'gpt-4o-mini' }));
    description.push('cloud  OpenAI API');
  } else {
    const simulator = await startOpenAISimulator({ reply: { text: 'Answered on the cloud model.' } });
    closers.push(() => simulator.close());
    providers.push(
      createOpenAI({ id: 'cloud', model: 'gpt-4o-mini', apiKey: 'sk-simulator', baseURL: simulator.url }),
    );
    description.push(`cloud  OpenAI simulator at ${simulator.url} (set OPENAI_API_KEY for the real API)`);
  }

  const router = createRouter({
    providers,
    classifier: createClassifier().forRouter(),
    ...(env.AUDIT_FILE ? { audit: createJsonlAuditSink(env.AUDIT_FILE) } : {}),
  });
  return {
    router,
    description,
    async close() {
      await router.close();
      for (const close of closers) await close();
    },
  };
}
