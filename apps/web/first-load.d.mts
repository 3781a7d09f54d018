/** Types of first-load.mjs (plain JavaScript, so that scripts/check-bundle-budget.mjs reads it too). */
export interface FirstLoadPage {
  name: string;
  path: string;
  modules: string[];
  data: string[];
  publicData: string[];
  /** The page's own budget for its first load, gzipped (default: the customers' 170 KB). */
  budgetKb?: number;
}
export declare const firstLoadPages: FirstLoadPage[];
export declare const signedInFrame: string[];
