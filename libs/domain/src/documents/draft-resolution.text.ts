/**
 * The draft resolution text in the Party document layout (issuing body, "ĐẢNG CỘNG SẢN VIỆT NAM", place and
 * date, title). Pure: the date is passed in. The full layout with articles per change grows with the
 * registry; this is the text the walking skeleton drafts and versions.
 */
import { CHANGE_KIND_LABELS, type ChangeKind } from '../procedure/change-kind';
import { dateInVietnam } from '../calendar/vietnam-time';

export interface DraftResolutionInput {
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  readonly kind: ChangeKind;
  readonly title: string;
  readonly date: Date;
}

export const wardPartyCommitteeName = (wardKind: 'phuong' | 'xa', wardName: string): string =>
  `ĐẢNG ỦY ${wardKind === 'phuong' ? 'PHƯỜNG' : 'XÃ'} ${wardName.toLocaleUpperCase('vi')}`;

export const renderDraftResolution = (input: DraftResolutionInput): string => {
  const [year, month, day] = dateInVietnam(input.date).split('-');
  return [
    'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
    wardPartyCommitteeName(input.wardKind, input.wardName),
    '*',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `Hà Nội, ngày ${day} tháng ${month} năm ${year}`,
    '',
    'DỰ THẢO NGHỊ QUYẾT',
    `về việc ${CHANGE_KIND_LABELS[input.kind].vi.toLocaleLowerCase('vi')}: ${input.title}`,
    '',
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    '- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ;',
    '',
    'QUYẾT NGHỊ:',
    `Điều 1. ${input.title}.`,
    'Điều 2. Nghị quyết có hiệu lực kể từ ngày ký.',
  ].join('\n');
};
