import { describe, expect, it } from 'vitest';
import { AbortedError, TimeoutError } from '../errors/errors';
import { abortReason, createDeadline, raceSignal } from './deadline';

const timeout = () => new TimeoutError({ message: 'too slow', timeoutMs: 10 });

describe('createDeadline', () => {
  it('aborts with the typed timeout error when its timer runs out', async () => {
    const deadline = createDeadline(undefined, 5, timeout);
    const signal = deadline.signal;
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(TimeoutError.isInstance(signal.reason)).toBe(true);
    expect(deadline.reason).toBe(signal.reason);
    deadline.dispose();
  });

  it('follows its parent and detaches on dispose', () => {
    const parent = new AbortController();
    const deadline = createDeadline(parent.signal, 10_000, timeout);
    parent.abort(new AbortedError({ message: 'caller' }));
    expect(deadline.signal.aborted).toBe(true);
    expect(AbortedError.isInstance(abortReason(deadline.signal))).toBe(true);

    const parent2 = new AbortController();
    const detached = createDeadline(parent2.signal, 10_000, timeout);
    detached.dispose();
    parent2.abort();
    expect(detached.signal.aborted).toBe(false);
  });

  it('starts aborted under an aborted parent', () => {
    const deadline = createDeadline(AbortSignal.abort(), 10_000, timeout);
    expect(deadline.signal.aborted).toBe(true);
    expect(AbortedError.isInstance(abortReason(deadline.signal))).toBe(true);
  });
});

describe('raceSignal', () => {
  it('rejects when the signal aborts even if the promise never settles', async () => {
    const controller = new AbortController();
    const pending = raceSignal(new Promise(() => {}), controller.signal, 'p');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it('races a scope the same way, with its typed reason', async () => {
    const scope = createDeadline(undefined, 10_000, timeout);
    const pending = raceSignal(new Promise(() => {}), scope);
    scope.abort(new TimeoutError({ message: 'attempt timed out' }));
    await expect(pending).rejects.toMatchObject({ code: 'timeout', message: 'attempt timed out' });
  });

  it('links child scopes to their parent without EventTarget listeners', () => {
    const parent = createDeadline(undefined, 10_000, timeout);
    const child = createDeadline(parent, 10_000, timeout);
    const detached = createDeadline(parent, 10_000, timeout);
    detached.dispose();
    parent.abort(new AbortedError({ message: 'stop' }));
    expect(child.aborted).toBe(true);
    expect(child.signal.aborted).toBe(true);
    expect(AbortedError.isInstance(child.signal.reason)).toBe(true);
    expect(detached.aborted).toBe(false);
  });

  it('settles with the promise otherwise', async () => {
    await expect(raceSignal(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(raceSignal(Promise.reject(new Error('x')), new AbortController().signal)).rejects.toThrow(
      'x',
    );
  });
});

describe('abort listeners', () => {
  it('calls every listener even when one unsubscribes another while the scope aborts', () => {
    const scope = createDeadline(undefined, 10_000, timeout);
    const calls: string[] = [];
    const child = createDeadline(scope, 10_000, timeout); // unsubscribes itself from `scope` when it aborts
    child.onAbort(() => calls.push('child'));
    scope.onAbort(() => calls.push('second'));
    scope.onAbort(() => calls.push('third'));
    scope.abort(new AbortedError({ message: 'stop' }));
    expect(calls).toEqual(['child', 'second', 'third']);
  });
});
