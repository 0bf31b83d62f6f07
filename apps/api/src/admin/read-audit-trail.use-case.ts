import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { AuditQuery } from './audit-trail.schemas';

/** Days are Vietnam's (UTC+7, no daylight saving): a day starts at 17:00 UTC the evening before. */
const startOfDayInVietnam = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
const DAY_MS = 86_400_000;

/**
 * The audit trail for admins: filtered by person, ward, action (or a family of actions) and dates, newest
 * first. Keyset paging on the entry id (the trail is append-only and ids grow with time), so a page never
 * repeats or skips an entry while new ones are written.
 */
@Injectable()
export class ReadAuditTrailUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(ctx: RequestContext, query: AuditQuery) {
    authorize(ctx.actor, 'accounts.administer');
    const where: Prisma.AuditEntryWhereInput[] = [];
    if (query.actor) where.push({ actorId: await this.actorId(query.actor) });
    if (query.wardCode) where.push({ wardCode: query.wardCode });
    if (query.action) {
      // `account` or `account.` finds every account action; `procedure.review` also its `.accept`/`.return`.
      const action = query.action.replace(/\.+$/, '');
      where.push({ OR: [{ action }, { action: { startsWith: `${action}.` } }] });
    }
    if (query.from) where.push({ at: { gte: startOfDayInVietnam(query.from) } });
    if (query.to) where.push({ at: { lt: new Date(startOfDayInVietnam(query.to).getTime() + DAY_MS) } });
    if (query.after) where.push({ id: { lt: BigInt(query.after) } });
    const rows = await this.prisma.auditEntry.findMany({
      where: { AND: where },
      orderBy: { id: 'desc' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      actorId: e.actorId,
      role: e.role,
      action: e.action,
      procedureId: e.procedureId,
      wardCode: e.wardCode,
      before: e.before,
      after: e.after,
      clientAddress: e.clientAddress,
      requestId: e.requestId,
    }));
    return { items, next: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** A username names its account's id; anything else (`cli:root`, `system`) is an actor id as it stands. */
  private async actorId(actor: string): Promise<string> {
    const account = await this.prisma.userAccount.findUnique({
      where: { username: actor.toLowerCase() },
      select: { id: true },
    });
    return account?.id ?? actor;
  }
}
