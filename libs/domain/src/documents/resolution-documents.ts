/** The resolution (NQ) and the decision (QĐ) of one change set, as drafts or with their numbers. */
import { type ChangeSet, applyChangeSet } from '../registry/change-set';
import type { RegistrySnapshot } from '../registry/registry-unit';
import { type ChangeSentence, describeChanges } from './change-sentences';
import { type PartyDocument, composeDocument } from './party-documents';

export interface ResolutionDocumentsInput {
  readonly wardKind: 'phuong' | 'xa';
  readonly wardName: string;
  readonly title: string;
  /** The registry before the changes, and the changes. */
  readonly before: RegistrySnapshot;
  readonly changeSet: ChangeSet;
  readonly signedAt: Date;
  readonly effectiveDate: string;
  /** Numbers from the register once issued; none for a draft. */
  readonly numbers?: { readonly resolutionSymbol: string; readonly decisionSymbol: string };
}

export interface ResolutionDocuments {
  readonly sentences: readonly ChangeSentence[];
  readonly resolution: PartyDocument;
  readonly decision: PartyDocument;
}

export const composeResolutionDocuments = (input: ResolutionDocumentsInput): ResolutionDocuments => {
  const sentences = describeChanges(
    input.changeSet,
    input.before,
    applyChangeSet(input.before, input.changeSet),
  );
  const common = {
    wardKind: input.wardKind,
    wardName: input.wardName,
    title: input.title,
    sentences,
    signedAt: input.signedAt,
    effectiveDate: input.effectiveDate,
    draft: !input.numbers,
  };
  return {
    sentences,
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
