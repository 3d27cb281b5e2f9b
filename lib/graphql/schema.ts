// The executable schema: importing the type modules registers them on the builder.
import { builder } from './builder.js';
import './types/common.js';
import './types/report.js';
import './types/claim.js';
import './types/source.js';
import './types/stats.js';
import './types/webhook.js';
import './types/reindex.js';
import './types/verdictChanged.js';
import './types/node.js';

export const schema = builder.toSchema();
