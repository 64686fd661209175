import { describe, expect, it } from 'vitest';
import { newestAnswer } from '../../../components/hooks/newest-answer';

/** A request whose answer the test releases when it wants. */
function pending<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { request: () => promise, release };
}

describe('newestAnswer', () => {
  it('drops a read that started before a sign-in and answered after it, then reads again', async () => {
    const kept: string[] = [];
    const answers = newestAnswer<string>((value) => kept.push(value));
    const signIn = pending<string>();
    const staleRead = pending<string>();
    const signingIn = answers.ask(signIn.request);
    // A change message arrives while the sign-in runs: its read saw the state before.
    const reading = answers.ask(staleRead.request);
    signIn.release('signed in');
    expect(await signingIn).toBe(false);
    const reread = answers.ask(async () => 'signed in');
    staleRead.release('signed out');
    expect(await reading).toBe(false);
    expect(await reread).toBe(true);
    expect(kept).toEqual(['signed in']);
  });

  it('keeps every answer of requests that do not overlap', async () => {
    const kept: number[] = [];
    const answers = newestAnswer<number>((value) => kept.push(value));
    expect(await answers.ask(async () => 1)).toBe(true);
    expect(await answers.ask(async () => 2)).toBe(true);
    expect(kept).toEqual([1, 2]);
  });

  it('throws a failed request to its caller and keeps nothing of it', async () => {
    const kept: number[] = [];
    const answers = newestAnswer<number>((value) => kept.push(value));
    await expect(
      answers.ask(async () => {
        throw new Error('unreachable');
      }),
    ).rejects.toThrow('unreachable');
    expect(kept).toEqual([]);
  });
});
