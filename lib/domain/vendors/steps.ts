import { RATING_CONCLUSION, ratingAt, VENDOR_CONCLUSION_LABELS, VENDOR_RATING_LABELS, type Suggested } from './review';
import type { VendorConclusion, VendorRating } from './review';

/** One fact that raises a rating one band when it holds, with the sentence saying so. */
export interface StepFact {
  when: boolean;
  reason: string;
}

/** A base band raised once per fact that holds, capped at critical with a sentence saying so. */
export function checkedSteps(base: number, baseReason: string, facts: StepFact[]): Suggested<VendorRating> {
  const reasons = [`${baseReason} ${VENDOR_RATING_LABELS[ratingAt(base)].toLowerCase()}`];
  let step = base;
  for (const f of facts)
    if (f.when) {
      step += 1;
      reasons.push(f.reason);
    }
  const value = ratingAt(step);
  if (step > 3)
    reasons.push(
      `Capped at critical (the facts add ${step - base} to a ${VENDOR_RATING_LABELS[ratingAt(base)].toLowerCase()} base)`,
    );
  return { value, reasons };
}

export function conclusionFor(rating: VendorRating): Suggested<VendorConclusion> {
  const value = RATING_CONCLUSION[rating];
  return {
    value,
    reasons: [
      `A ${VENDOR_RATING_LABELS[rating].toLowerCase()} rating suggests: ${VENDOR_CONCLUSION_LABELS[value].toLowerCase()}`,
    ],
  };
}
