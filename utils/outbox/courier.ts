/**
 * The one courier of every outbox: sends what is due of each entry (the entry, then its
 * screenshot), records each answer with the state machine (delivery.ts), asks to be woken.
 */
import type { Deliverable, Delivery, Screenshot } from './deliverable';
import { type AttemptOutcome, afterAttempt, expireIfOld, isDue } from './delivery';
import type { OutboxStore } from './outbox-store';

/** An entry of any outbox: its delivery, and an optional screenshot that goes after it. */
type Entry = Deliverable & { createdAt: string; screenshot?: Screenshot | undefined };

/** What the courier needs to know of one kind of entry. `T`: where an entry goes. */
export interface CourierKind<E extends Entry, T, R extends AttemptOutcome = AttemptOutcome> {
  /** Where the entry goes now (a report's registry, the token an action was taken with); null: it waits. */
  target(entry: E): Promise<T | null>;
  /** One attempt at the entry itself. */
  send(entry: E, target: T): Promise<R>;
  /**
   * The entry as that attempt's answer leaves it, `advance` being its delivery moved on by the
   * answer; without this, only the delivery moves on.
   */
  answered?(
    current: E,
    sent: E,
    result: R,
    at: { target: T; answeredAt: Date; advance(delivery: Delivery): Delivery },
  ): E;
  /** The entry itself was acknowledged: its screenshot may go. */
  acknowledged(entry: E): boolean;
  /** One attempt at the entry's screenshot. */
  sendScreenshot(entry: E, screenshot: Screenshot, target: T): Promise<AttemptOutcome>;
  /** Everything of an entry was acknowledged (the entry, and its screenshot if it has one). */
  onDelivered?(entry: E): void;
}

export interface CourierDeps<E extends Entry> {
  outbox: Pick<OutboxStore<E>, 'all' | 'get' | 'update'>;
  now(): Date;
  random(): number;
  /** Asks to be woken (`deliverDue`) at this time, or not at all. */
  wakeAt(at: Date | null): void;
}

/**
 * One delivery loop at a time: a call made while `pass` runs makes it run once more afterwards
 * (something new may be due) instead of starting a second loop, so nothing is sent twice at once;
 * `after` runs when no pass is wanted any more.
 */
function serialDelivery(
  pass: () => Promise<void>,
  after: () => Promise<void>,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
      await after();
    })().finally(() => {
      running = null;
    });
    return running;
  };
}

/** The earliest time anything in an outbox (an entry or its screenshot) is due again, or null. */
function nextWake(entries: readonly Deliverable[]): Date | null {
  let next: number | null = null;
  for (const entry of entries) {
    for (const delivery of [entry.delivery, entry.screenshot?.delivery]) {
      if (delivery?.state !== 'pending' || !delivery.nextAttemptAt) continue;
      const at = Date.parse(delivery.nextAttemptAt);
      if (next === null || at < next) next = at;
    }
  }
  return next === null ? null : new Date(next);
}

/**
 * One pass over an outbox: an entry whose window ran out is marked expired; one with anything due
 * (itself or its screenshot) is handed to `deliver`.
 */
async function deliveryPass<E extends Deliverable>(
  entries: readonly E[],
  now: () => Date,
  update: (id: string, change: (entry: E) => E) => Promise<unknown>,
  deliver: (entry: E) => Promise<void>,
): Promise<void> {
  for (const entry of entries) {
    const at = now();
    if (expireIfOld(entry.delivery, at) !== entry.delivery) {
      await update(entry.id, (current) => ({
        ...current,
        delivery: expireIfOld(current.delivery, at),
      }));
      continue;
    }
    const shotDue = entry.screenshot !== undefined && isDue(entry.screenshot.delivery, at);
    if (isDue(entry.delivery, at) || shotDue) await deliver(entry);
  }
}

/**
 * The entry's screenshot goes once the entry itself is acknowledged. How an entry is sent, and what
 * an answer changes in it besides its delivery, is its kind's (CourierKind).
 */
export function createCourier<E extends Entry, T, R extends AttemptOutcome>(
  kind: CourierKind<E, T, R>,
  deps: CourierDeps<E>,
) {
  const { outbox } = deps;

  /** One attempt at whatever of this entry is due: the entry, then its screenshot. */
  async function deliverOne(entry: E): Promise<void> {
    const now = deps.now();
    const target = await kind.target(entry);
    if (target === null) return;
    if (isDue(entry.delivery, now)) {
      const result = await kind.send(entry, target);
      const answeredAt = deps.now();
      const advance = (delivery: Delivery) =>
        afterAttempt(delivery, result, answeredAt, deps.random);
      const updated = await outbox.update(entry.id, (current) =>
        kind.answered
          ? kind.answered(current, entry, result, { target, answeredAt, advance })
          : { ...current, delivery: advance(current.delivery) },
      );
      if (updated?.delivery.state === 'delivered' && !updated.screenshot)
        kind.onDelivered?.(updated);
    }
    const current = await outbox.get(entry.id);
    const shot = current?.screenshot;
    if (!current || !shot || !kind.acknowledged(current) || !isDue(shot.delivery, deps.now()))
      return;
    const result = await kind.sendScreenshot(current, shot, target);
    const answeredAt = deps.now();
    const updated = await outbox.update(current.id, (latest) =>
      latest.screenshot
        ? {
            ...latest,
            screenshot: {
              ...latest.screenshot,
              delivery: afterAttempt(latest.screenshot.delivery, result, answeredAt, deps.random),
            },
          }
        : null,
    );
    if (updated?.screenshot?.delivery.state === 'delivered') kind.onDelivered?.(updated);
  }

  /** Sends whatever is due; calls made while it runs make it look again rather than run twice. */
  const deliverDue = serialDelivery(
    async () => deliveryPass((await outbox.all()).entries, deps.now, outbox.update, deliverOne),
    async () => deps.wakeAt(nextWake((await outbox.all()).entries)),
  );

  return {
    deliverDue,

    /**
     * Back online: everything waiting is due now rather than at the end of its backoff (the window
     * and the attempt count stay, so a registry that is still down is not hammered).
     */
    async hurry(): Promise<void> {
      const now = deps.now().toISOString();
      const { entries } = await outbox.all();
      const early = (delivery: Delivery): Delivery =>
        delivery.state === 'pending' ? { ...delivery, nextAttemptAt: now } : delivery;
      for (const entry of entries) {
        if (entry.delivery.state !== 'pending' && entry.screenshot?.delivery.state !== 'pending')
          continue;
        await outbox.update(entry.id, (current) => ({
          ...current,
          delivery: early(current.delivery),
          ...(current.screenshot
            ? {
                screenshot: { ...current.screenshot, delivery: early(current.screenshot.delivery) },
              }
            : {}),
        }));
      }
      await deliverDue();
    },
  };
}
