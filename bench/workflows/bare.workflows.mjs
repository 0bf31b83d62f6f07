// Bare Temporal workflows, the baselines the product is compared with. No-op activities, Updates sent by the
// client. Each Update handler waits until the workflow is ready for it and answers the workflow time at which
// it became ready, so the client can time "one human action" from the moment the action was possible.
import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';

const STEP_ATTRIBUTE = { name: 'KientoanStep', type: 'KEYWORD' };

export const actUpdate = defineUpdate('act');
export const phaseQuery = defineQuery('phase');

/** B-min: five no-op activities, each followed by one Update. */
export async function benchMinimal() {
  const { noop } = proxyActivities({ startToCloseTimeout: '1 minute' });
  let phase = -1;
  let received = 0;
  const readyAt = [];
  setHandler(phaseQuery, () => phase);
  setHandler(actUpdate, async (index) => {
    await condition(() => phase >= index);
    received = Math.max(received, index + 1);
    return { readyAt: readyAt[index] };
  });
  for (let i = 0; i < 5; i += 1) {
    await noop();
    readyAt[i] = Date.now();
    phase = i;
    await condition(() => received > i);
  }
  await condition(allHandlersFinished);
  return { done: true };
}

/**
 * B-shape: the activities, Updates, search-attribute upserts and deadline timers of the product's procedure
 * workflow on its happy path (libs/workflows/src/procedure/procedure.workflow.ts at the time of writing), with
 * the same activity options and no-op bodies:
 *   review: beginStep, checkRules, markWaiting (+ timer), Update review → recordReview
 *   draft:  beginStep, draftResolution, markWaiting (+ timer), Update submitDraft → submitDraft
 *   vote:   beginStep, openCommitteeVote, markWaiting (+ timer), 3 × Update castVote → recordVote
 *   then closeCommitteeVote; issue: beginStep, issueDecision; announce: beginStep, announceDecision;
 *   completeProcedure. 20 activities, 5 Updates, 5 upserts, 3 timers.
 */
export async function benchShape() {
  const steps = proxyActivities({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '5 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  });
  // Phases the Updates wait for: 0 reviewing, 1 drafting, 2 voting.
  let waitingIn = -1;
  let moved = 0;
  let votes = 0;
  const readyAt = [];
  setHandler(phaseQuery, () => waitingIn);
  setHandler(actUpdate, async (index) => {
    // Updates 0 review, 1 submit draft, 2–4 votes.
    const phase = Math.min(index, 2);
    await condition(() => waitingIn >= phase);
    if (index === 0) await steps.recordReview();
    else if (index === 1) await steps.submitDraft();
    else await steps.recordVote();
    if (index >= 2) votes += 1;
    if (index < 2 || votes === 3) moved = phase + 1;
    return { readyAt: readyAt[phase] };
  });
  const show = (step) => upsertSearchAttributes([{ key: STEP_ATTRIBUTE, value: step }]);
  const waitForPerson = async (phase) => {
    await steps.markWaiting();
    readyAt[phase] = Date.now();
    waitingIn = phase;
    // The product waits with a deadline: condition(fn, timeout) starts a timer, cancelled when people act.
    await condition(() => moved > phase, '3 days');
  };

  show('review');
  await steps.beginStep();
  await steps.checkRules();
  await waitForPerson(0);
  show('draft_resolution');
  await steps.beginStep();
  await steps.draftResolution();
  await waitForPerson(1);
  show('committee_approval');
  await steps.beginStep();
  await steps.openCommitteeVote();
  await waitForPerson(2);
  await steps.closeCommitteeVote();
  show('issue_decision');
  await steps.beginStep();
  await steps.issueDecision();
  show('announce');
  await steps.beginStep();
  await steps.announceDecision();
  await steps.completeProcedure();
  await condition(allHandlersFinished);
  return { done: true };
}
