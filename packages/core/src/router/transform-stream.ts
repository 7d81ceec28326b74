import type { StreamEvent } from '../types/stream-event';
import type { Engine } from './engine';
import type { AttemptInfo, StreamTransform } from './plugin';
import type { RequestRun } from './request-run';

interface Entry {
  name: string;
  transform: StreamTransform;
  /** Set when the transform threw: skipped from then on. */
  dropped: boolean;
}

/**
 * The plugins' stream transforms for one provider stream, applied in plugin order to the text and
 * tool-call arguments the caller receives. A transform that throws is dropped with a warning and the
 * text passes on as the provider gave it (the `finish` answer goes through `transformResponse` either way).
 */
export class StreamRewriter {
  private readonly channels = new Set<string>();

  private constructor(
    private readonly run: RequestRun,
    private readonly entries: readonly Entry[],
  ) {}

  /** The rewriter for this stream, or undefined when no plugin rewrites it. */
  static for(engine: Engine, run: RequestRun, info: AttemptInfo): StreamRewriter | undefined {
    const entries: Entry[] = [];
    for (const plugin of engine.hooks.transformStream) {
      try {
        const transform = plugin.transformStream?.(info, run);
        if (transform === undefined) continue;
        if (typeof transform?.push !== 'function' || typeof transform.flush !== 'function') {
          run.warn(
            'plugin_error',
            `${plugin.name}.transformStream returned something that is not a transform`,
          );
          continue;
        }
        entries.push({ name: plugin.name, transform, dropped: false });
      } catch (error) {
        run.warn('plugin_error', `${plugin.name}.transformStream failed: ${String(error)}`);
      }
    }
    return entries.length === 0 ? undefined : new StreamRewriter(run, entries);
  }

  /** The event as the caller should see it, or undefined when all its text is held back for now. */
  rewrite(event: StreamEvent): StreamEvent | undefined {
    if (event.type === 'text-delta') {
      const text = this.push('text', event.text);
      return text === '' ? undefined : { type: 'text-delta', text };
    }
    if (event.type === 'tool-call-delta') {
      const argumentsDelta = this.push(`tool:${event.index}`, event.argumentsDelta);
      // The first piece names the call: it goes out even with its arguments held back.
      if (argumentsDelta === '' && event.id === undefined && event.name === undefined) return undefined;
      return { ...event, argumentsDelta };
    }
    return event;
  }

  /** What the transforms still hold, as the events that end the text before `finish`. */
  flush(): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const channel of this.channels) {
      const rest = this.flushChannel(channel);
      if (rest === '') continue;
      if (channel === 'text') events.push({ type: 'text-delta', text: rest });
      else events.push({ type: 'tool-call-delta', index: Number(channel.slice(5)), argumentsDelta: rest });
    }
    return events;
  }

  private push(channel: string, delta: string): string {
    this.channels.add(channel);
    let text = delta;
    for (const entry of this.entries) {
      if (!entry.dropped) text = this.call(entry, () => entry.transform.push(channel, text), text);
    }
    return text;
  }

  /** Flushes each transform in order, feeding what one releases into the next. */
  private flushChannel(channel: string): string {
    let text = '';
    for (const entry of this.entries) {
      if (entry.dropped) continue;
      if (text !== '') text = this.call(entry, () => entry.transform.push(channel, text), text);
      if (!entry.dropped) text += this.call(entry, () => entry.transform.flush(channel), '');
    }
    return text;
  }

  private call(entry: Entry, action: () => string, fallback: string): string {
    try {
      const out = action();
      if (typeof out === 'string') return out;
      this.run.warn('plugin_error', `${entry.name}.transformStream returned something that is not text`);
    } catch (error) {
      this.run.warn('plugin_error', `${entry.name}.transformStream failed: ${String(error)}`);
    }
    // Dropped from here on: what it held is lost to the deltas, but not to the `finish` answer.
    entry.dropped = true;
    return fallback;
  }
}
