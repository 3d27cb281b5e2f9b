// The in-process feed of verdict changes behind the verdictChanged subscription (local and
// self-hosted servers). The app tells it of each event once the event is in the outbox.
import { createPubSub } from 'graphql-yoga';
import type { VerdictEvent } from '../app/types.js';

export type LiveEvents = ReturnType<typeof createLiveEvents>;

export const createLiveEvents = () => createPubSub<{ verdictChanged: [VerdictEvent] }>();
