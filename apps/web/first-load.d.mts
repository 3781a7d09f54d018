/** Types of first-load.mjs (plain JavaScript, so that scripts/check-bundle-budget.mjs reads it too). */
export interface FirstLoadPage {
  name: string;
  path: string;
  modules: string[];
  data: string[];
  publicData: string[];
}
export declare const firstLoadPages: FirstLoadPage[];
