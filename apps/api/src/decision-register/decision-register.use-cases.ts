import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  authorize,
  numberingSeriesLabel,
  registerCompleteness,
  shortVietnameseDate,
  wardNotFound,
} from '@kientoan/domain';
import {
  type RegisterDocument,
  type PrismaClient,
  issuedDocumentCursor,
  readIssuedDocuments,
} from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { type TableFile, tableFile } from '../common/export/table-file';
import {
  type RegisterExportQuery,
  type RegisterQuery,
  encodeRegisterCursor,
} from '../registry/registry-browser.schemas';

/** A register is read in pages of at most this many rows when exported or checked whole. */
const WHOLE_PAGE = 1000;

const STATUS_VI = { issued: 'Đã ban hành', withdrawn: 'Đã thu hồi (giữ số)' } as const;
const TYPE_VI = { NQ: 'Nghị quyết', QĐ: 'Quyết định' } as const;

/**
 * The decision register of a ward (sổ đăng ký văn bản): its issued resolutions and decisions by number, read
 * only through `readIssuedDocuments`. Numbers are taken in the same transaction that issues the document, so
 * a gap cannot arise; each page also carries the check of every series (count, last number, none missing).
 */
@Injectable()
export class DecisionRegisterUseCases {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async list(actor: Actor, wardCode: string, query: RegisterQuery) {
    const ward = await this.ward(actor, wardCode);
    const filters = this.filters(wardCode, query);
    const rows = await readIssuedDocuments(this.prisma, {
      ...filters,
      ...(query.after ? { after: query.after } : {}),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const total = (await this.whole({ ...filters, sort: 'number_asc' })).length;
    const all = await this.whole({ wardCode, sort: 'number_asc' });
    return {
      ward,
      total,
      items,
      next: rows.length > query.limit ? encodeRegisterCursor(issuedDocumentCursor(items.at(-1)!)) : null,
      series: registerCompleteness(
        all.map((d) => ({
          docType: d.docType,
          series: d.series,
          number: d.number,
          withdrawn: d.status === 'withdrawn',
        })),
      ),
    };
  }

  async export(actor: Actor, wardCode: string, query: RegisterExportQuery): Promise<TableFile> {
    const ward = await this.ward(actor, wardCode);
    const rows = await this.whole(this.filters(wardCode, query));
    return tableFile({
      format: query.format,
      name: `so-dang-ky-van-ban-${wardCode}`,
      title: `Sổ đăng ký văn bản của Đảng ủy ${ward.name}`,
      columns: [
        { key: 'series', header: 'Dãy số', width: 26 },
        { key: 'docType', header: 'Loại', width: 12 },
        { key: 'number', header: 'Số thứ tự', width: 10 },
        { key: 'symbol', header: 'Số, ký hiệu', width: 18 },
        { key: 'issuedOn', header: 'Ngày ký', width: 12 },
        { key: 'effectiveDate', header: 'Ngày hiệu lực', width: 14 },
        { key: 'title', header: 'Trích yếu', width: 60 },
        { key: 'status', header: 'Tình trạng', width: 20 },
        { key: 'procedureId', header: 'Mã thủ tục', width: 38 },
      ],
      rows: rows.map((d) => ({
        series: numberingSeriesLabel(d.series),
        docType: TYPE_VI[d.docType],
        number: d.number,
        symbol: d.symbol,
        issuedOn: shortVietnameseDate(d.issuedOn),
        effectiveDate: shortVietnameseDate(d.effectiveDate),
        title: d.title,
        status: STATUS_VI[d.status],
        procedureId: d.procedureId,
      })),
    });
  }

  private async ward(actor: Actor, wardCode: string) {
    authorize(actor, 'registry.read', wardCode);
    const ward = await this.prisma.ward.findUnique({
      where: { code: wardCode },
      select: { code: true, name: true },
    });
    if (!ward) throw wardNotFound(wardCode);
    return ward;
  }

  private filters(wardCode: string, q: RegisterExportQuery | RegisterQuery) {
    return {
      wardCode,
      sort: q.sort,
      ...(q.docType ? { docType: q.docType } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.q ? { text: q.q } : {}),
    };
  }

  /** Every matching document, page by page (a ward issues hundreds, not millions). */
  private async whole(query: Omit<Parameters<typeof readIssuedDocuments>[1], 'limit'>) {
    const all: RegisterDocument[] = [];
    for (;;) {
      const last = all.at(-1);
      const page = await readIssuedDocuments(this.prisma, {
        ...query,
        ...(last ? { after: issuedDocumentCursor(last) } : {}),
        limit: WHOLE_PAGE,
      });
      all.push(...page);
      if (page.length < WHOLE_PAGE) return all;
    }
  }
}
