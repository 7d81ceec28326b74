import type { ChatRequest } from './chat-request';
import type { DataClass } from './data-class';

/** What a classifier found in a request. Carries counts, never the matched text. */
export interface Classification {
  /** The data class the findings imply; absent when nothing was found (the router's default applies). */
  dataClass?: DataClass;
  /** Labels such as `phi`, `npi`, `privileged`, `trade_secret`, `credentials`, `pii`. */
  labels: string[];
  /** Detector (entity type) → number of findings, e.g. `{ us_ssn: 1, icd10: 2 }`. */
  detectors: Record<string, number>;
}

/** Caller-supplied facts about a request. */
export interface RequestContext {
  /** The kind of work (`summarize`, `extract`, `agent`...): selects per-workload rules. */
  workload?: string;
  /** The caller's data class. It may raise the class; whether it may lower the classifier's is policy. */
  dataClass?: DataClass;
  /** Free-form tags (tenant, team) recorded in the audit log and usable by budgets. */
  tags?: Record<string, string>;
  /** Your own request id; one is generated when absent. */
  requestId?: string;
}

/** The router's classification hook. May be synchronous or asynchronous. */
export interface Classifier {
  name?: string;
  classify(request: ChatRequest, context: RequestContext): Classification | Promise<Classification>;
}

/** A classifier given as a bare function. */
export type ClassifierFunction = Classifier['classify'];
