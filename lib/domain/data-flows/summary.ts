import { dataClassesOf, highestClass } from './classification';
import { minimization } from './minimization';
import { externalHostsOf, isSubprocessor } from './subprocessor';
import type { DataClass, DataFlowContent } from './types';

/** What the registers filter and sort on, computed from a map's content (stored beside it). */
export interface DataFlowSummary {
  dataClasses: DataClass[];
  highestClass: DataClass;
  externalHosts: string[];
  subprocessor: boolean;
  excessInputs: number;
}

export function summarizeDataFlow(content: DataFlowContent): DataFlowSummary {
  return {
    dataClasses: dataClassesOf(content.inputs),
    highestClass: highestClass(content.inputs),
    externalHosts: externalHostsOf(content.destinations),
    subprocessor: isSubprocessor(content.destinations),
    excessInputs: minimization(content.inputs).excess.length,
  };
}
