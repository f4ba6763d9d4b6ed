import { DATA_CLASS_RANK, type DataClass, type DataFlowInput } from './types';

export interface MinimizationFinding {
  field: string;
  classification: DataClass;
  /** Sensitive data (confidential or above) the tool does not need: the finding to act on first. */
  sensitive: boolean;
}

export interface Minimization {
  needed: string[];
  received: string[];
  /** Received but not needed: the difference data minimization flags. */
  excess: MinimizationFinding[];
}

/**
 * The fields a tool needs against those it receives (from the map's inputs): every input is
 * received; those marked needed are what the tool requires. The rest should not be sent.
 */
export function minimization(inputs: readonly DataFlowInput[]): Minimization {
  return {
    needed: inputs.filter((i) => i.needed).map((i) => i.name),
    received: inputs.map((i) => i.name),
    excess: inputs
      .filter((i) => !i.needed)
      .map((i) => ({
        field: i.name,
        classification: i.classification,
        sensitive: DATA_CLASS_RANK[i.classification] >= DATA_CLASS_RANK.CONFIDENTIAL,
      })),
  };
}
