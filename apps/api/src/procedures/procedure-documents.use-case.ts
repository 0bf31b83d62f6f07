import { Inject, Injectable } from '@nestjs/common';
import { DomainError, documentModelFromText } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { Actor } from '@kientoan/domain';
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

  private async issued(actor: Actor, id: string) {
    const procedure = await this.procedures.require(actor, id, 'procedure.read');
    const decision = await this.prisma.decision.findUnique({ where: { procedureId: id } });
    if (!decision) throw notIssued();
    const title = (symbol: string) => `${symbol} - ${procedure.title}`;
    return {
      resolution: {
        text: decision.resolutionText,
        html: decision.resolutionHtml,
        symbol: decision.resolutionSymbol,
        title: title(decision.resolutionSymbol),
      },
      decision: {
        text: decision.decisionText,
        html: decision.decisionHtml,
        symbol: decision.symbol,
        title: title(decision.symbol),
      },
    };
  }

  /** One issued document, rendered from its issued text (the approved words with the numbers filled). */
  async document(
    actor: Actor,
    id: string,
    type: 'decision' | 'resolution',
    format: DocumentFormat,
  ): Promise<DocumentFile> {
    const documents = await this.issued(actor, id);
    const file = await renderDocument(documents[type], format);
    if (!file) throw notStructured();
    return file;
  }

  /** Every document of the procedure, in PDF, Word and HTML, as one zip for printing at the ceremony. */
  async bundle(actor: Actor, id: string): Promise<DocumentFile> {
    const { resolution, decision } = await this.issued(actor, id);
    return {
      body: await documentBundle([resolution, decision]),
      contentType: 'application/zip',
      fileName: `van-ban-${id.slice(0, 8)}.zip`,
    };
  }

  /**
   * The annex of an issued decision (its list of units) as .xlsx, read from the issued text's document model:
   * the same rows as the Word and PDF annex.
   */
  async annex(actor: Actor, id: string, type: 'decision' | 'resolution'): Promise<DocumentFile> {
    const issued = (await this.issued(actor, id))[type];
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
