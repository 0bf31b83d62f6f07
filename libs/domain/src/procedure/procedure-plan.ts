/**
 * A procedure's items planned against one state of its ward's registry: the change set with its sentences and
 * preview, or every rule the items break. Planned once per registry state and stored (the registry's version
 * says when it is stale); the ids of new units are the procedure's own, so every plan of one procedure on one
 * registry state is the same and the issue step applies exactly what the draft described.
 */
import { type ChangeSentence, describeChanges } from '../documents/change-sentences';
import { type ChangeSet, applyChangeSet } from '../registry/change-set';
import { planResolution } from '../registry/plan-resolution';
import type { RegistrySnapshot } from '../registry/registry-unit';
import type { ResolutionItem } from '../registry/resolution-item';
import { type ResolutionPreview, previewResolution } from '../registry/resolution-preview';
import type { RegistryViolation } from '../registry/registry-violation';
import type { StatuteRules } from '../registry/statute-rules';

export type ProcedurePlan =
  | {
      readonly ok: true;
      readonly changeSet: ChangeSet;
      readonly sentences: readonly ChangeSentence[];
      readonly preview: ResolutionPreview;
    }
  | { readonly ok: false; readonly violations: readonly RegistryViolation[] };

export type PlannedChanges = Extract<ProcedurePlan, { ok: true }>;

/** Ids for the units a procedure creates: stable per procedure, so a retried issue creates the same units. */
export const newUnitIdsFor = (wardCode: string, procedureId: string): (() => string) => {
  let n = 0;
  return () => `${wardCode}.p${procedureId.slice(0, 8)}-${++n}`;
};

export const planProcedure = (
  snapshot: RegistrySnapshot,
  items: readonly ResolutionItem[],
  options: { readonly wardCode: string; readonly procedureId: string; readonly rules?: StatuteRules },
): ProcedurePlan => {
  const planned = planResolution(snapshot, items, {
    wardCode: options.wardCode,
    newUnitId: newUnitIdsFor(options.wardCode, options.procedureId),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  if (!planned.ok) return { ok: false, violations: planned.violations };
  const { changeSet } = planned;
  return {
    ok: true,
    changeSet,
    sentences: describeChanges(changeSet, snapshot, applyChangeSet(snapshot, changeSet)),
    preview: previewResolution(snapshot, changeSet),
  };
};

/** The rules a plan breaks, as Vietnamese sentences ("items[0].newName: …"). */
export const violationReasons = (violations: readonly RegistryViolation[]): string[] =>
  violations.map((v) => `${v.field}: ${v.message}`);

const sentenceText = (s: ChangeSentence | undefined) => (s ? s.article || s.announcement : '');
const shape = (p: PlannedChanges) =>
  [
    ...p.changeSet.changes.map((c) => `${c.type}:${c.change}:${c.after.id}`),
    ...p.changeSet.lineage.map((l) => `${l.predecessorId}>${l.successorId}:${l.change}`),
  ].join(',');

/**
 * Where the plan the committee voted on and the plan against today's registry differ in what the approved
 * text says (empty: the approved text still describes the change). The sentences are the text's own words
 * (names, parents, member counts, officers); facts the text does not state — e.g. the member count of a
 * renamed cell — may change without sending the procedure back, since the change is applied from today's plan.
 */
export const planDifferences = (voted: PlannedChanges, current: PlannedChanges): string[] => {
  const reasons: string[] = [];
  if (voted.sentences.length !== current.sentences.length)
    reasons.push(
      `Số nội dung thay đổi: văn bản đã thông qua có ${voted.sentences.length}, theo sổ đăng ký hiện nay là ${current.sentences.length}.`,
    );
  const count = Math.max(voted.sentences.length, current.sentences.length);
  for (let i = 0; i < count; i += 1) {
    const approved = sentenceText(voted.sentences[i]);
    const now = sentenceText(current.sentences[i]);
    if (approved !== now)
      reasons.push(
        `Nội dung ${i + 1}: văn bản đã thông qua ghi "${approved || '(không có)'}", theo sổ đăng ký hiện nay là "${now || '(không có)'}".`,
      );
  }
  if (!reasons.length && shape(voted) !== shape(current))
    reasons.push('Các tổ chức đảng chịu tác động của nghị quyết trong sổ đăng ký đã thay đổi.');
  return reasons;
};

/** Why a procedure goes back when the registry moved under it: a first sentence, then the details. */
export const sentBackReasons = (to: 'review' | 'draft_resolution', details: readonly string[]): string[] => [
  to === 'review'
    ? 'Sổ đăng ký đã thay đổi sau khi rà soát: nội dung nghị quyết không còn phù hợp với quy định, cần rà soát lại.'
    : 'Sổ đăng ký đã thay đổi sau khi Ban Thường vụ biểu quyết: văn bản đã thông qua không còn mô tả đúng thay đổi, cần soạn lại dự thảo.',
  ...details,
];
