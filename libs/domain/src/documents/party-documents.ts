/**
 * The resolution (Nghị quyết) and the decision (Quyết định) in the Party document layout: issuing body,
 * "ĐẢNG CỘNG SẢN VIỆT NAM", number and symbol, place and date, grounds ("Căn cứ"), articles listing each
 * change, effective date, recipients ("Nơi nhận"), signature block. Pure: numbers and dates are passed in;
 * a draft has blanks (document-placeholders.ts) for its number and signing date, filled only at issue. Plain
 * text for diffs and storage; HTML with a print stylesheet for printing.
 */
import { dateInVietnam } from '../calendar/vietnam-time';
import type { ChangeSentence } from './change-sentences';
import { APPOINTED_COMMITTEE_TERM, type TermYears, termYearsText } from './committee-term';
import { PLACEHOLDERS } from './document-placeholders';
import {
  type DocumentArticle,
  type DocumentModel,
  documentModelFromText,
  documentModelText,
} from './document-model';

const ANNEX_TITLE = 'DANH SÁCH';

export interface PartyDocumentInput {
  readonly type: 'NQ' | 'QĐ';
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  readonly title: string;
  readonly sentences: readonly ChangeSentence[];
  /** Signing date (an instant; shown as the date in Hà Nội). */
  readonly signedAt: Date;
  /** YYYY-MM-DD; none: the document takes effect on its signing date. */
  readonly effectiveDate?: string;
  /** "Số 12-QĐ/ĐU"; undefined for a draft (a blank). */
  readonly symbol?: string;
  /** For a decision: the resolution it carries out. */
  readonly resolutionSymbol?: string;
  readonly draft?: boolean;
  /** Who signs, from the registry: the secretary (T/M), else a deputy (K/T); none: the name is left blank. */
  readonly signer?: { readonly fullName: string; readonly deputy: boolean };
  /** A decision covering more units than this lists them in an annex table (default 5). */
  readonly annexAbove?: number;
  /**
   * The committee term in force on the document's date (committee-term.ts `termYearsOn`: the day a draft is
   * generated, the signing date at issue), named in the grounds; none: the appointed committee's, before the
   * ward's first congress (`APPOINTED_COMMITTEE_TERM`).
   */
  readonly termYears?: TermYears;
}

const wardLabel = (kind: 'phuong' | 'xa') => (kind === 'phuong' ? 'phường' : 'xã');
/** Days below 10 and months 1 and 2 take a leading zero (Hướng dẫn 36-HD/VPTW). */
const dayMonth = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  const month = Number(m);
  return { d, m: month <= 2 ? m : String(month), y };
};
/** "2025-07-07" → "ngày 07 tháng 7 năm 2025" */
export const longDate = (isoDate: string) => {
  const { d, m, y } = dayMonth(isoDate);
  return `ngày ${d} tháng ${m} năm ${y}`;
};
/** "2025-07-07" → "07/7/2025" (in a reference to another document) */
export const shortDate = (isoDate: string) => {
  const { d, m, y } = dayMonth(isoDate);
  return `${d}/${m}/${y}`;
};

/** The ground line citing the committee's working rules, for the term in force ("nhiệm kỳ 2025 - 2030"). */
export const workingRulesGround = (ward: string, termYears: TermYears = APPOINTED_COMMITTEE_TERM) =>
  `- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ ${ward} nhiệm kỳ ${termYearsText(termYears)};`;

/** A number inside a sentence reads "số 5-NQ/ĐU" (lower case), followed by its date. */
export const documentReference = (symbol: string, signedAt: Date) =>
  `${symbol.replace(/^Số /, 'số ')}, ngày ${shortDate(dateInVietnam(signedAt))}`;

/** Kept for readers of the former name: the document model of this file is `DocumentModel`. */
export type PartyDocument = DocumentModel;

const DEFAULT_ANNEX_ABOVE = 5;

/**
 * The place a Party document is dated at (Hướng dẫn 36-HD/VPTW, 1.4.1): the official name of the administrative
 * unit where the issuing committee has its seat — for a commune or ward committee, the commune or ward — written
 * by its proper name ("Kim Liên", as "Hà Nội" for the city); a unit named by a number keeps its full name
 * ("Phường 5"), which a bare number would not identify.
 */
export const placeName = (wardKind: PartyDocumentInput['wardKind'], wardName: string): string => {
  if (!/^\d/.test(wardName)) return wardName;
  const label = wardLabel(wardKind);
  return `${label.charAt(0).toLocaleUpperCase('vi')}${label.slice(1)} ${wardName}`;
};

export const composeDocument = (input: PartyDocumentInput): DocumentModel => {
  const ward = `${wardLabel(input.wardKind)} ${input.wardName}`;
  const draft = input.draft === true;
  // Without numbers (a draft) the document has blanks that only the issue step fills.
  const symbol = input.symbol ?? PLACEHOLDERS.number;
  const signingDate = draft ? PLACEHOLDERS.signingDate : longDate(dateInVietnam(input.signedAt));
  const resolutionReference = input.resolutionSymbol
    ? documentReference(input.resolutionSymbol, input.signedAt)
    : PLACEHOLDERS.resolutionNumber;
  const effectiveFrom = input.effectiveDate ? longDate(input.effectiveDate) : signingDate;
  const isDecision = input.type === 'QĐ';
  const documentName = isDecision ? 'Quyết định' : 'Nghị quyết';
  const changes = input.sentences.map((s) => s.article).filter(Boolean);
  const units = new Set(input.sentences.map((s) => s.unitId)).size;
  const inAnnex = isDecision && units > (input.annexAbove ?? DEFAULT_ANNEX_ABOVE);
  const first: DocumentArticle[] = inAnnex
    ? [
        {
          text: `Điều 1. Thực hiện ${changes.length} nội dung kiện toàn tổ chức đảng theo Danh sách kèm theo Quyết định này.`,
          level: 0,
        },
      ]
    : changes.length === 1
      ? [{ text: `Điều 1. ${changes[0]!}`, level: 0 }]
      : [
          { text: `Điều 1. Thực hiện ${changes.length} nội dung kiện toàn tổ chức đảng sau đây:`, level: 0 },
          ...changes.map((c, i) => ({ text: `${i + 1}. ${c}`, level: 1 as const })),
        ];
  return {
    issuer: {
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      body: `ĐẢNG ỦY ${ward.toLocaleUpperCase('vi')}`,
      number: symbol,
    },
    placeAndDate: `${placeName(input.wardKind, input.wardName)}, ${signingDate}`,
    draft,
    typeName: isDecision ? 'QUYẾT ĐỊNH' : 'NGHỊ QUYẾT',
    summary: `về việc ${input.title}`,
    grounds: [
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy định thi hành Điều lệ Đảng và các quy định của Ban Chấp hành Trung ương về tổ chức cơ sở đảng;',
      workingRulesGround(ward, input.termYears),
      ...(isDecision
        ? [`- Căn cứ Nghị quyết ${resolutionReference} của Ban Thường vụ Đảng ủy ${ward};`]
        : []),
      '- Xét đề nghị của Văn phòng Đảng ủy,',
    ],
    enacting: isDecision
      ? `BAN THƯỜNG VỤ ĐẢNG ỦY ${ward.toLocaleUpperCase('vi')} QUYẾT ĐỊNH:`
      : 'QUYẾT NGHỊ:',
    articles: [
      ...first,
      { text: `Điều 2. ${documentName} có hiệu lực kể từ ${effectiveFrom}.`, level: 0 },
      {
        text: `Điều 3. Văn phòng Đảng ủy, các chi bộ, đảng bộ trực thuộc và đồng chí có tên tại Điều 1 thi hành ${documentName} này.`,
        level: 0,
      },
    ],
    recipients: [
      '- Ban Thường vụ Thành ủy Hà Nội (để báo cáo),',
      '- Như Điều 3,',
      '- Lưu Văn phòng Đảng ủy.',
    ],
    signature: {
      authority: input.signer?.deputy ? 'K/T BÍ THƯ' : 'T/M BAN THƯỜNG VỤ',
      position: input.signer?.deputy ? 'PHÓ BÍ THƯ' : 'BÍ THƯ',
      ...(input.signer ? { signer: input.signer.fullName } : {}),
    },
    notes: [],
    ...(inAnnex
      ? {
          annex: {
            title: [ANNEX_TITLE, 'các tổ chức đảng kiện toàn'],
            reference: `(Kèm theo Quyết định ${draft ? PLACEHOLDERS.number : symbol.replace(/^Số /, 'số ')}, ${signingDate} của Ban Thường vụ Đảng ủy ${ward})`,
            columns: ['STT', 'Tổ chức đảng', 'Nội dung'],
            rows: input.sentences.map((s, i) => [String(i + 1), s.unitName, s.article]),
          },
        }
      : {}),
  };
};

export const documentText = documentModelText;
export const documentFromText = documentModelFromText;
