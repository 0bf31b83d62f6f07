import type { PrismaClient } from '@kientoan/platform';
import type { Clock } from '../activities/clock';
import { InAppChannel } from './in-app.channel';
import { Notifier } from './notifier';

/** In-app delivery; further channels (email, chat) are added here when configured. */
export const createDefaultNotifier = (prisma: PrismaClient, clock: Clock): Notifier =>
  new Notifier([new InAppChannel(prisma, clock)]);
