import { Inject, Injectable } from '@nestjs/common';
import { DomainError, documentModelFromText } from '@kientoan/domain';
import {
  type PrismaClient,
  issuedDocumentText,
  procedureDocuments,
  withdrawIssuedDocument,
} from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { AuditLog } from '../audit/audit-log';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { Actor, DraftSetDocument } from '@kientoan/domain';
import { diffDraftLines } from './draft-diff';
import { ProcedureFinder } from './procedure-finder';
import {
  type DocumentFile,
  documentBundle,
  documentFileName,
  renderDocument,
} from './document-renderers/document-files';
import { XLSX_CONTENT_TYPE, annexXlsx } from './document-renderers/document-annex-xlsx.renderer';
import type { DocumentFormat } from './procedure-documents.schemas';

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

const noSuchDocument = (position: number) =>
  new DomainError(
    'DOCUMENT_NOT_FOUND',
    'not_found',
    `Thủ tục không có văn bản thứ ${position}.`,
    `The procedure has no document at position ${position}.`,
    { position },
  );

const alreadyWithdrawn = (position: number) =>
  new DomainError(
    'DOCUMENT_ALREADY_WITHDRAWN',
    'conflict',
    'Văn bản này đã được thu hồi.',
    `The document at position ${position} has already been withdrawn.`,
    { position },
  );

/** "resolution" is the set's first document (0), "decision" its first decision (1), a number any position. */
const positionOf = (ref: string) =>
  ref === 'resolution' ? 0 : ref === 'decision' ? 1 : Number.parseInt(ref, 10);

const notStructured = () =>
  new DomainError(
    'DOCUMENT_NOT_STRUCTURED',
    'conflict',
    'Văn bản đã sửa không còn đúng bố cục văn bản của Đảng; chỉ tải được bản HTML hoặc văn bản thuần.',
    'The edited text no longer has the Party document layout; only HTML or plain text can be downloaded.',
  );

const noAnnex = (symbol: string) =>
  new DomainError(
    'DOCUMENT_HAS_NO_ANNEX',
    'not_found',
    `Văn bản ${symbol} không có phụ lục danh sách.`,
    `Document ${symbol} has no annex list.`,
    { symbol },
  );

/** Drafts (every version, and the diff between two) and the issued documents. */
@Injectable()
export class ProcedureDocumentsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(AuditLog) private readonly audit: AuditLog,
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
      // The whole set the committee votes on: the resolution is `body`, its decisions these (the first is
      // `decisionBody`); drafts made before sets have none.
      documents: ((draft.documents ?? []) as unknown as DraftSetDocument[]).map((d) => ({
        position: d.position,
        type: d.type,
        purpose: d.purpose,
        unitId: d.unitId ?? null,
        unitName: d.unitName ?? null,
        title: d.title,
        recipients: d.recipients,
        body: d.body,
      })),
    };
  }

  /**
   * The procedure's document set: once issued, every document of the register with its number (withdrawn ones
   * marked) and the acknowledgement of each unit it was delivered to; before, the set of the latest draft.
   */
  async list(actor: Actor, id: string) {
    const procedure = await this.procedures.require(actor, id, 'procedure.read');
    const issued = await procedureDocuments(this.prisma, id);
    if (issued.length) {
      const acknowledgements = await this.prisma.announcementRecipient.findMany({
        where: { announcement: { procedureId: id } },
        select: { unitId: true, acknowledgedAt: true },
      });
      const acknowledgedAt = new Map(acknowledgements.map((a) => [a.unitId, a.acknowledgedAt]));
      const announced = acknowledgements.length > 0;
      return {
        issued: true,
        draftVersion: null,
        items: issued.map((d) => ({
          position: d.position,
          type: d.docType,
          purpose: d.purpose,
          unitId: d.unitId,
          title: d.title,
          number: d.number,
          symbol: d.symbol,
          term: d.term,
          issuedAt: d.issuedAt,
          effectiveDate: d.effectiveDate,
          withdrawn: d.withdrawn
            ? { at: d.withdrawn.at, by: d.withdrawn.by, reason: d.withdrawn.reason }
            : null,
          recipients: d.recipients.map((r) => ({
            unitId: r.unitId,
            unitName: r.unitName,
            acknowledgedAt: announced ? (acknowledgedAt.get(r.unitId) ?? null) : null,
          })),
          draftText: null,
        })),
      };
    }
    const latest = await this.prisma.resolutionDraft.findFirst({
      where: { procedureId: id },
      orderBy: { version: 'desc' },
    });
    const set = (latest?.documents ?? []) as unknown as DraftSetDocument[];
    const planned = (
      position: number,
      type: 'NQ' | 'QĐ',
      purpose: string,
      title: string,
      unitId: string | null,
      recipients: readonly { unitId: string; unitName: string }[],
      draftText: string,
    ) => ({
      position,
      type,
      purpose,
      unitId,
      title,
      number: null,
      symbol: null,
      term: null,
      issuedAt: null,
      effectiveDate: null,
      withdrawn: null,
      recipients: recipients.map((r) => ({ ...r, acknowledgedAt: null })),
      draftText,
    });
    return {
      issued: false,
      draftVersion: latest?.version ?? null,
      items: latest
        ? [
            planned(0, 'NQ', 'resolution', procedure.title, null, [], latest.body),
            ...set.map((d) =>
              planned(d.position, 'QĐ', d.purpose, d.title, d.unitId ?? null, d.recipients, d.body),
            ),
          ]
        : [],
    };
  }

  /**
   * Withdraws (thu hồi) one issued document: it stays in the register with its number, which is never reused,
   * marked withdrawn with who, when and why (audited in the same transaction).
   */
  async withdraw(ctx: RequestContext, id: string, position: number, reason: string) {
    const procedure = await this.procedures.require(ctx.actor, id, 'procedure.withdraw');
    const document = await issuedDocumentText(this.prisma, id, position);
    if (!document) throw document === null ? noSuchDocument(position) : notIssued();
    const at = new Date();
    await this.prisma.$transaction(async (tx) => {
      const withdrawn = await withdrawIssuedDocument(
        tx,
        { procedureId: id, position },
        { at, by: ctx.actor.userId, reason },
      );
      if (!withdrawn) throw alreadyWithdrawn(position);
      await this.audit.record(
        ctx,
        {
          action: 'document.withdraw',
          role: 'secretary',
          procedureId: id,
          wardCode: procedure.wardCode,
          before: { position, symbol: document.symbol, withdrawnAt: null },
          after: { position, symbol: document.symbol, withdrawnAt: at.toISOString(), reason },
        },
        tx,
      );
    });
    return { position, symbol: document.symbol, withdrawnAt: at, reason };
  }

  async diff(actor: Actor, id: string, from: number, to: number) {
    const [a, b] = await Promise.all([this.draft(actor, id, from), this.draft(actor, id, to)]);
    return {
      from,
      to,
      resolution: diffDraftLines(a.body, b.body).lines,
      decision: diffDraftLines(a.decisionBody, b.decisionBody).lines,
      // Each decision of the set (a set keeps its positions across versions of one plan).
      documents: [...new Set([...a.documents, ...b.documents].map((d) => d.position))]
        .sort((x, y) => x - y)
        .flatMap((position) => {
          const before = a.documents.find((d) => d.position === position);
          const after = b.documents.find((d) => d.position === position);
          if (before?.body === after?.body) return [];
          return [
            {
              position,
              title: (after ?? before)!.title,
              lines: diffDraftLines(before?.body ?? '', after?.body ?? '').lines,
            },
          ];
        }),
    };
  }

  /** Every issued document of the procedure in the set's order (decisions issued before sets: NQ and QĐ). */
  private async issued(actor: Actor, id: string) {
    const procedure = await this.procedures.require(actor, id, 'procedure.read');
    const documents = await this.prisma.issuedDocument.findMany({
      where: { procedureId: id },
      orderBy: { position: 'asc' },
      select: { position: true, symbol: true, title: true, text: true, html: true },
    });
    if (documents.length) return documents.map((d) => ({ ...d, title: `${d.symbol} - ${d.title}` }));
    const decision = await this.prisma.decision.findUnique({ where: { procedureId: id } });
    if (!decision) throw notIssued();
    const title = (symbol: string) => `${symbol} - ${procedure.title}`;
    return [
      {
        position: 0,
        text: decision.resolutionText,
        html: decision.resolutionHtml,
        symbol: decision.resolutionSymbol,
        title: title(decision.resolutionSymbol),
      },
      {
        position: 1,
        text: decision.decisionText,
        html: decision.decisionHtml,
        symbol: decision.symbol,
        title: title(decision.symbol),
      },
    ];
  }

  /** One issued document, rendered from its issued text (the approved words with the numbers filled). */
  async document(actor: Actor, id: string, ref: string, format: DocumentFormat): Promise<DocumentFile> {
    const position = positionOf(ref);
    const document = (await this.issued(actor, id)).find((d) => d.position === position);
    if (!document) throw noSuchDocument(position);
    const file = await renderDocument(document, format);
    if (!file) throw notStructured();
    return file;
  }

  /** Every document of the procedure, in PDF, Word and HTML, as one zip for printing at the ceremony. */
  async bundle(actor: Actor, id: string): Promise<DocumentFile> {
    return {
      body: await documentBundle(await this.issued(actor, id)),
      contentType: 'application/zip',
      fileName: `van-ban-${id.slice(0, 8)}.zip`,
    };
  }

  /**
   * The annex of an issued decision (its list of units) as .xlsx, read from the issued text's document model:
   * the same rows as the Word and PDF annex.
   */
  async annex(actor: Actor, id: string, ref: string): Promise<DocumentFile> {
    const position = positionOf(ref);
    const issued = (await this.issued(actor, id)).find((d) => d.position === position);
    if (!issued) throw noSuchDocument(position);
    const model = documentModelFromText(issued.text);
    const body = model ? await annexXlsx(model) : undefined;
    if (!body) throw noAnnex(issued.symbol);
    return {
      body,
      contentType: XLSX_CONTENT_TYPE,
      fileName: `phu-luc-${documentFileName(issued.symbol, 'text').replace(/\.txt$/, '.xlsx')}`,
    };
  }
}
