export { applyPlanChange } from './apply.js';
export { classifyChange, licensedPeriodAmount, sameItems } from './classify.js';
export { periodLines, productNames, prorationLines, type LineContext } from './lines.js';
export { previewPlanChange } from './preview.js';
export {
  defaultPlanChangePolicy,
  type ChangeKind,
  type ChangeTiming,
  type PlanChange,
  type PlanChangeInput,
  type PlanChangePolicy,
  type PlanChangePreview,
  type PlanChangePreviewInput,
  type ProrationBehavior,
} from './types.js';
