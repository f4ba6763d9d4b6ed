/**
 * The PBC list's lifecycle: the auditor opens a request (or flags a record), the officer answers
 * (OPEN/ANSWERED → ANSWERED), the auditor accepts the answer (ANSWERED → ACCEPTED) or follows up
 * with a comment (ANSWERED → OPEN again). An accepted request is closed.
 */
export type RequestState = 'OPEN' | 'ANSWERED' | 'ACCEPTED';
export type RequestStep = 'answer' | 'accept' | 'followUp';

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  ACCEPTED: 'Accepted',
};

const NEXT: Record<RequestStep, Partial<Record<RequestState, RequestState>>> = {
  answer: { OPEN: 'ANSWERED', ANSWERED: 'ANSWERED' },
  accept: { ANSWERED: 'ACCEPTED' },
  followUp: { OPEN: 'OPEN', ANSWERED: 'OPEN' },
};

export function nextRequestState(state: RequestState, step: RequestStep): RequestState | null {
  return NEXT[step][state] ?? null;
}

/** Overdue: still waiting on the officer after its due time. */
export function isRequestOverdue(r: { state: RequestState; dueAt: Date }, now: Date): boolean {
  return r.state === 'OPEN' && r.dueAt.getTime() < now.getTime();
}

/** Officers get five days to answer unless the auditor sets another date. */
export const DEFAULT_ANSWER_DAYS = 5;
