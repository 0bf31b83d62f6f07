/** The resolution (NQ) and the decision (QĐ) of one change set, as drafts or with their numbers. */
import type { ChangeSentence } from './change-sentences';
import type { TermYears } from './committee-term';
import { type PartyDocument, composeDocument } from './party-documents';

export interface ResolutionDocumentsInput {
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  readonly title: string;
  /** One per change (procedure-plan.ts). */
  readonly sentences: readonly ChangeSentence[];
  readonly signedAt: Date;
  /** YYYY-MM-DD; none: effective from the signing date. */
  readonly effectiveDate?: string;
  /** Numbers from the register once issued; none for a draft (which then has blanks for them). */
  readonly numbers?: { readonly resolutionSymbol: string; readonly decisionSymbol: string };
  readonly signer?: { readonly fullName: string; readonly deputy: boolean };
  /** The committee term in force on `signedAt` (party-documents.ts); none: the appointed committee's. */
  readonly termYears?: TermYears;
}

export interface ResolutionDocuments {
  readonly sentences: readonly ChangeSentence[];
  readonly resolution: PartyDocument;
  readonly decision: PartyDocument;
}

/** Both documents from the sentences of a planned change set (see procedure-plan.ts). */
export const composeResolutionDocuments = (input: ResolutionDocumentsInput): ResolutionDocuments => {
  const common = {
    wardKind: input.wardKind,
    wardName: input.wardName,
    title: input.title,
    sentences: input.sentences,
    signedAt: input.signedAt,
    ...(input.effectiveDate ? { effectiveDate: input.effectiveDate } : {}),
    draft: !input.numbers,
    ...(input.signer ? { signer: input.signer } : {}),
    ...(input.termYears ? { termYears: input.termYears } : {}),
  };
  return {
    sentences: input.sentences,
    resolution: composeDocument({
      ...common,
      type: 'NQ',
      ...(input.numbers ? { symbol: input.numbers.resolutionSymbol } : {}),
    }),
    decision: composeDocument({
      ...common,
      type: 'QĐ',
      ...(input.numbers
        ? { symbol: input.numbers.decisionSymbol, resolutionSymbol: input.numbers.resolutionSymbol }
        : {}),
    }),
  };
};
