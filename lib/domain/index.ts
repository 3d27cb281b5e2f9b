// The engine's public surface. Pure: no AWS, GraphQL, HTTP or store imports.
export { analyzeClaim, analyzeReport, normalizeClaimText, watchTermsOf } from './analyze.js';
export { alignStatement } from './align.js';
export { isCopy, estimateJaccard, reconcileCopyGroups } from './copies.js';
export { isTimeKey, postingsOf, rankStatements, searchTermsOf } from './retrieve.js';
export { countIndependent, judgeClaim } from './verdict.js';
export type * from './types.js';
export { VERDICTS, STANCES, STANCE_ORDER, stanceRank } from './types.js';
