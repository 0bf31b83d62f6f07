/**
 * One Vietnamese sentence per change of a change set, for the articles of the documents and for the
 * announcement to each affected unit ("Chi bộ Tổ dân phố số 34 là tên mới của Chi bộ Tổ dân phố số 6").
 */
import type { ChangeSet, UnitChange } from '../registry/change-set';
import type { RegistrySnapshot } from '../registry/registry-unit';
import { UNIT_KIND_LABELS } from '../registry/unit-kind';

export interface ChangeSentence {
  readonly unitId: string;
  readonly unitName: string;
  /** For the articles of the decision. */
  readonly article: string;
  /** For the announcement to the unit itself. */
  readonly announcement: string;
}

const lower = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

export const describeChanges = (
  changeSet: ChangeSet,
  before: RegistrySnapshot,
  after: RegistrySnapshot,
): ChangeSentence[] => {
  const nameIn = (snapshot: RegistrySnapshot, id: string | null) =>
    id ? (snapshot.get(id)?.name ?? after.get(id)?.name ?? id) : '';
  const sentence = (change: UnitChange): ChangeSentence | undefined => {
    const unit = change.after;
    const kind = lower(UNIT_KIND_LABELS[unit.kind].vi);
    const base = { unitId: unit.id, unitName: unit.name };
    switch (change.change) {
      case 'establish':
        return {
          ...base,
          article: `Thành lập ${unit.name} (${kind}) trực thuộc ${nameIn(after, unit.parentId)}, gồm ${unit.fullMembers} đảng viên chính thức.`,
          announcement: `${unit.name} được thành lập, trực thuộc ${nameIn(after, unit.parentId)}.`,
        };
      case 'rename':
      case 'renumber':
        if (change.type !== 'updated') return undefined;
        return {
          ...base,
          article: `Đổi tên ${change.before.name} thành ${unit.name}.`,
          announcement: `${unit.name} là tên mới của ${change.before.name}.`,
        };
      case 'upgrade':
        if (change.type !== 'updated') return undefined;
        return {
          ...base,
          article: `Nâng cấp ${change.before.name} (trực thuộc ${nameIn(before, change.before.parentId)}) thành ${kind} trực thuộc ${nameIn(after, unit.parentId)}.`,
          announcement: `${unit.name} được nâng cấp thành ${kind} trực thuộc ${nameIn(after, unit.parentId)}.`,
        };
      case 'transfer':
        if (change.type !== 'updated') return undefined;
        return {
          ...base,
          article: `Điều chuyển ${unit.name} từ trực thuộc ${nameIn(before, change.before.parentId)} về trực thuộc ${nameIn(after, unit.parentId)}.`,
          announcement: `${unit.name} chuyển về trực thuộc ${nameIn(after, unit.parentId)}.`,
        };
      case 'merge': {
        if (change.type === 'updated') {
          const successor = changeSet.lineage.find((l) => l.predecessorId === unit.id)?.successorId ?? null;
          return {
            ...base,
            article: '',
            announcement: `${unit.name} được hợp nhất vào ${nameIn(after, successor)}.`,
          };
        }
        const predecessors = changeSet.lineage
          .filter((l) => l.successorId === unit.id)
          .map((l) => nameIn(before, l.predecessorId));
        return {
          ...base,
          article: `Hợp nhất ${predecessors.join(', ')} thành ${unit.name} (${kind}) trực thuộc ${nameIn(after, unit.parentId)}, gồm ${unit.fullMembers} đảng viên chính thức.`,
          announcement: `${unit.name} được thành lập trên cơ sở hợp nhất ${predecessors.join(', ')}.`,
        };
      }
      case 'dissolve':
        return { ...base, article: `Giải thể ${unit.name}.`, announcement: `${unit.name} giải thể.` };
      case 'appoint': {
        const o = unit.officers;
        const parts = [
          o.secretary ? `đồng chí ${o.secretary} giữ chức Bí thư` : '',
          ...o.deputies.map((d) => `đồng chí ${d} giữ chức Phó Bí thư`),
          o.committee.length
            ? `các đồng chí ${o.committee.join(', ')} tham gia ${unit.fullMembers >= 9 ? 'Ban Chi ủy' : 'cấp ủy'}`
            : '',
        ].filter(Boolean);
        const text = `Chỉ định ${parts.join('; ')} ${unit.name}.`;
        return { ...base, article: text, announcement: text };
      }
      default:
        return undefined;
    }
  };
  return changeSet.changes.map(sentence).filter((s): s is ChangeSentence => s !== undefined);
};
