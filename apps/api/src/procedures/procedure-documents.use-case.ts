import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { Actor } from '@kientoan/domain';
import { diffDraftLines } from './draft-diff';
import { ProcedureFinder } from './procedure-finder';

const notIssued = () =>
  new DomainError(
    'DECISION_NOT_ISSUED',
    'not_found',
    'Quyết định chưa được ban hành.',
    'The decision has not been issued yet.',
  );
const noSuchVersion = (version: number) =>
  new DomainError(
    'DRAFT_VERSION_NOT_FOUND',
    'not_found',
    `Không có phiên bản dự thảo ${version}.`,
    `There is no draft version ${version}.`,
    { version },
  );

/** Drafts (every version, and the diff between two) and the issued documents. */
@Injectable()
export class ProcedureDocumentsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
  ) {}

  async drafts(actor: Actor, id: string) {
    await this.procedures.require(actor, id, 'procedure.read');
    const drafts = await this.prisma.resolutionDraft.findMany({
      where: { procedureId: id },
      orderBy: { version: 'asc' },
      select: { version: true, round: true, origin: true, authorId: true, createdAt: true },
    });
    return { items: drafts };
  }

  async draft(actor: Actor, id: string, version: number) {
    await this.procedures.require(actor, id, 'procedure.read');
    const draft = await this.prisma.resolutionDraft.findUnique({
      where: { procedureId_version: { procedureId: id, version } },
    });
    if (!draft) throw noSuchVersion(version);
    return {
      version: draft.version,
      round: draft.round,
      origin: draft.origin,
      authorId: draft.authorId,
      createdAt: draft.createdAt,
      body: draft.body,
      decisionBody: draft.decisionBody,
    };
  }

  async diff(actor: Actor, id: string, from: number, to: number) {
    const [a, b] = await Promise.all([this.draft(actor, id, from), this.draft(actor, id, to)]);
    return {
      from,
      to,
      resolution: diffDraftLines(a.body, b.body).lines,
      decision: diffDraftLines(a.decisionBody, b.decisionBody).lines,
    };
  }

  async document(actor: Actor, id: string, type: 'decision' | 'resolution', format: 'html' | 'text') {
    await this.procedures.require(actor, id, 'procedure.read');
    const decision = await this.prisma.decision.findUnique({ where: { procedureId: id } });
    if (!decision) throw notIssued();
    if (type === 'decision') return format === 'html' ? decision.decisionHtml : decision.decisionText;
    return format === 'html' ? decision.resolutionHtml : decision.resolutionText;
  }
}
