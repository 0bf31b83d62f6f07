/** The five steps every procedure goes through, in order (DOMAIN.md, "The procedure"). */
export const PROCEDURE_STEPS = [
  'review',
  'draft_resolution',
  'committee_approval',
  'issue_decision',
  'announce',
] as const;

export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export const STEP_LABELS: Readonly<Record<ProcedureStep, { vi: string; en: string }>> = {
  review: { vi: 'Rà soát', en: 'Review' },
  draft_resolution: { vi: 'Dự thảo nghị quyết', en: 'Draft resolution' },
  committee_approval: { vi: 'Ban Thường vụ thông qua', en: 'Committee approval' },
  issue_decision: { vi: 'Ban hành quyết định', en: 'Issue decision' },
  announce: { vi: 'Công bố', en: 'Announce' },
};
