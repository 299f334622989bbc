// The thread and publishing half of a MessagePoster, for fakes of a channel that only ever gets plain posts:
// any call is a test failure, saying what was called.
import type { MessagePoster } from '../../src/recaps/delivery.js';

const unexpected = (what: string) => () => Promise.reject(new Error(`a plain channel recap called ${what}`));

export const plainChannelOnly: Pick<MessagePoster, 'openPost' | 'startThread' | 'crosspost' | 'activeThreads'> = {
  openPost: unexpected('openPost'),
  activeThreads: unexpected('activeThreads'),
  startThread: unexpected('startThread'),
  crosspost: unexpected('crosspost'),
};
