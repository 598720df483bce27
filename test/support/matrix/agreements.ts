/** Matrix request templates for the agreements routes (one entry per "METHOD /url" of the route table). */
import type { Templates } from './types.ts';

export const AGREEMENT_TEMPLATES: Templates = {};
