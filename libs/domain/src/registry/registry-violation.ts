import type { StatuteRules } from './statute-rules';
import { UNIT_KIND_LABELS } from './unit-kind';

/** A unit kind in words (messages never show a kind code). */
const kindLabel = (kind: string | number | undefined): string =>
  (UNIT_KIND_LABELS as Readonly<Record<string, { vi: string }>>)[String(kind)]?.vi ?? 'Tổ chức';

/** A rule a resolution item breaks: stable code, the field it concerns, messages in Vietnamese and English. */
export interface RegistryViolation {
  readonly code: RegistryViolationCode;
  readonly itemIndex: number;
  readonly field: string;
  readonly message: string;
  readonly messageEn: string;
}

export type RegistryViolationCode =
  | 'UNIT_NOT_FOUND'
  | 'UNIT_DISSOLVED'
  | 'UNIT_TOUCHED_TWICE'
  | 'DUPLICATE_SIBLING_NAME'
  | 'TREE_CYCLE'
  | 'PARENT_NOT_FOUND'
  | 'PARENT_KIND_NOT_ALLOWED'
  | 'BELOW_MINIMUM_MEMBERS'
  | 'TOO_LARGE_FOR_CELL'
  | 'TOO_SMALL_FOR_COMMITTEE'
  | 'CELL_COMMITTEE_NOT_ALLOWED'
  | 'TOO_MANY_DEPUTIES'
  | 'OFFICER_LISTED_TWICE'
  | 'RENUMBER_SELF_COLLISION'
  | 'RENUMBER_COLLISION'
  | 'UPGRADE_NOT_APPLICABLE'
  | 'MERGE_NEEDS_TWO_UNITS'
  | 'EMPTY_NAME'
  | 'INVALID_NAME'
  | 'DUPLICATE_REF';

type Describe = (detail: Record<string, string | number>, rules: StatuteRules) => { vi: string; en: string };

/** Vietnamese first, English second; `detail` fills in names and numbers. */
export const VIOLATION_MESSAGES: Readonly<Record<RegistryViolationCode, Describe>> = {
  UNIT_NOT_FOUND: ({ unitId }) => ({
    vi: `Không tìm thấy tổ chức đảng "${unitId}" trong sổ đăng ký của xã, phường.`,
    en: `Unit "${unitId}" is not in this ward's registry.`,
  }),
  UNIT_DISSOLVED: ({ name }) => ({
    vi: `"${name}" đã giải thể hoặc sáp nhập, không thể thay đổi.`,
    en: `"${name}" has been dissolved or merged and cannot be changed.`,
  }),
  UNIT_TOUCHED_TWICE: ({ name, other }) => ({
    vi: `"${name}" đã được thay đổi ở mục ${other}; mỗi tổ chức chỉ được thay đổi một lần trong một nghị quyết.`,
    en: `"${name}" is already changed by item ${other}; a resolution may change each unit only once.`,
  }),
  DUPLICATE_SIBLING_NAME: ({ name, existing }) =>
    existing === undefined || existing === name
      ? {
          vi: `Đã có tổ chức đảng tên "${name}" cùng cấp trên trực tiếp.`,
          en: `Another live unit named "${name}" already exists under the same parent.`,
        }
      : {
          vi: `Tên "${name}" trùng hoặc dễ nhầm với tổ chức đảng "${existing}" cùng cấp trên trực tiếp.`,
          en: `"${name}" is the same as, or confusable with, "${existing}" under the same parent.`,
        },
  TREE_CYCLE: ({ name }) => ({
    vi: `Không thể chuyển "${name}" về trực thuộc chính nó hoặc tổ chức cấp dưới của nó.`,
    en: `"${name}" cannot be placed under itself or one of its own sub-units.`,
  }),
  PARENT_NOT_FOUND: ({ parentId }) => ({
    vi: `Không tìm thấy tổ chức cấp trên "${parentId}".`,
    en: `Parent unit "${parentId}" was not found.`,
  }),
  PARENT_KIND_NOT_ALLOWED: ({ kind, parentKind }) => ({
    vi: `${kindLabel(kind)} không thể trực thuộc ${kindLabel(parentKind).toLocaleLowerCase('vi')}.`,
    en: `A unit of kind "${kind}" cannot sit under a unit of kind "${parentKind}".`,
  }),
  BELOW_MINIMUM_MEMBERS: ({ members }, rules) => ({
    vi: `Tổ chức cơ sở đảng phải có ít nhất ${rules.minimumFullMembers} đảng viên chính thức (hiện có ${members}).`,
    en: `A grassroots organization needs at least ${rules.minimumFullMembers} full members (it has ${members}).`,
  }),
  TOO_LARGE_FOR_CELL: ({ members }, rules) => ({
    vi: `Có ${members} đảng viên chính thức: từ ${rules.grassrootsCommitteeFrom} trở lên phải là đảng bộ cơ sở, không phải chi bộ cơ sở.`,
    en: `${members} full members: from ${rules.grassrootsCommitteeFrom} on it must be a grassroots Party committee, not a cell.`,
  }),
  TOO_SMALL_FOR_COMMITTEE: ({ members }, rules) => ({
    vi: `Có ${members} đảng viên chính thức: dưới ${rules.grassrootsCommitteeFrom} là chi bộ cơ sở, chưa đủ để lập đảng bộ cơ sở.`,
    en: `${members} full members: below ${rules.grassrootsCommitteeFrom} it is a grassroots cell, not a Party committee.`,
  }),
  CELL_COMMITTEE_NOT_ALLOWED: ({ members }, rules) => ({
    vi: `Chi bộ có ${members} đảng viên chính thức (dưới ${rules.cellCommitteeFrom}) không lập chi ủy, chỉ có bí thư và phó bí thư.`,
    en: `A cell with ${members} full members (below ${rules.cellCommitteeFrom}) has no cell committee, only a secretary and a deputy.`,
  }),
  TOO_MANY_DEPUTIES: ({ members, max }) => ({
    vi: `Chi bộ có ${members} đảng viên chính thức chỉ có tối đa ${max} phó bí thư.`,
    en: `A cell with ${members} full members has at most ${max} deputy secretary.`,
  }),
  OFFICER_LISTED_TWICE: ({ person }) => ({
    vi: `"${person}" được chỉ định vào hơn một chức danh.`,
    en: `"${person}" is appointed to more than one position.`,
  }),
  RENUMBER_SELF_COLLISION: ({ name }) => ({
    vi: `Dãy tên mới trùng nhau ("${name}"): mẫu tên cần có {n}.`,
    en: `The new series repeats a name ("${name}"): the pattern needs {n}.`,
  }),
  RENUMBER_COLLISION: ({ name }) => ({
    vi: `Tên mới "${name}" trùng với một tổ chức đảng khác ngoài dãy đổi tên.`,
    en: `The new name "${name}" collides with a unit outside the series.`,
  }),
  UPGRADE_NOT_APPLICABLE: ({ name, kind }) => ({
    vi: `"${name}" (${kindLabel(kind).toLocaleLowerCase('vi')}) không phải chi bộ trực thuộc nên không thể nâng cấp.`,
    en: `"${name}" (kind ${kind}) is not a subordinate cell and cannot be upgraded.`,
  }),
  MERGE_NEEDS_TWO_UNITS: () => ({
    vi: 'Sáp nhập cần ít nhất hai tổ chức đảng khác nhau.',
    en: 'A merger needs at least two different units.',
  }),
  EMPTY_NAME: () => ({ vi: 'Tên không được để trống.', en: 'The name must not be empty.' }),
  INVALID_NAME: ({ reason, reasonEn }) => ({
    vi: `Tên không hợp lệ: ${reason}`,
    en: `Invalid name: ${reasonEn}`,
  }),
  DUPLICATE_REF: ({ ref }) => ({
    vi: `Mã tạm "${ref}" đã được dùng ở mục khác.`,
    en: `Reference "${ref}" is used by another item.`,
  }),
};
