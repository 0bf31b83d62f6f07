/**
 * `cli congress list <ward>` and `cli congress set <ward> <ordinal>=<YYYY-MM-DD>[=<name>] …`: a ward's
 * congresses (the committee terms its documents are numbered in) from a shell on the server — the same checks
 * as the admin API (ordered dates; no numbered document may change term: 409 there, exit code 1 here), audited
 * as `cli:<os user>`.
 */
import { Logger } from '@nestjs/common';
import { congressOrdinalName, isDomainError } from '@kientoan/domain';
import {
  type PrismaClient,
  readWardCongresses,
  setWardCongresses,
  setWardCongressesSchema,
} from '@kientoan/platform';
import { cliActor, cliAuditSink } from '../accounts/account-commands.command';

export const CONGRESS_USAGE = [
  'cli congress list <ward>',
  'cli congress set <ward> <ordinal>=<YYYY-MM-DD>[=<name>] …   (the whole list, e.g. 1=2025-10-15)',
].join('\n  ');

/** "1=2025-10-15" or "1=2025-10-15=Đại hội …"; without a name, the usual one for the ward. */
export const parseCongressArgument = (argument: string, wardTitle: string) => {
  const [ordinal, closedOn, ...name] = argument.split('=');
  const n = Number(ordinal);
  return {
    ordinal: n,
    closedOn: closedOn ?? '',
    name: name.join('=').trim() || `Đại hội Đảng bộ ${wardTitle} ${congressOrdinalName(n)}`,
  };
};

export const runCongressCommand = async (
  prisma: PrismaClient,
  args: string[],
  logger = new Logger('congress'),
): Promise<number> => {
  const [sub, wardCode, ...rest] = args;
  const print = (value: unknown) => logger.log(JSON.stringify(value, null, 2));
  if (!wardCode || (sub !== 'list' && sub !== 'set')) {
    logger.error(`usage:\n  ${CONGRESS_USAGE}`);
    return 2;
  }
  try {
    if (sub === 'list') {
      print(await readWardCongresses(prisma, wardCode));
      return 0;
    }
    const ward = await readWardCongresses(prisma, wardCode);
    const parsed = setWardCongressesSchema.safeParse({
      congresses: rest.map((a) => parseCongressArgument(a, ward.wardTitle)),
    });
    if (!parsed.success) {
      logger.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return 2;
    }
    print(await setWardCongresses(prisma, wardCode, parsed.data.congresses, cliAuditSink(cliActor())));
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      logger.error(`${error.code}: ${error.messageVi} (${error.messageEn})`);
      return 1;
    }
    throw error;
  }
};
