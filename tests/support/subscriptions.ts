// Subscriptions for tests that need one to exist.
import type { AddResult, RecapSubscription } from '../../src/recaps/subscriptions.js';

/** The subscription a store's `add` created; throws if it refused (limit or duplicate). */
export async function added(result: Promise<AddResult> | AddResult): Promise<RecapSubscription> {
  const outcome = await result;
  if (outcome.status !== 'added') throw new Error(`subscription not added: ${outcome.status}`);
  return outcome.subscription;
}
