/** Matrix request templates for the imports routes (one entry per "METHOD /url" of the route table). */
import type { Templates } from './types.ts';

export const IMPORT_TEMPLATES: Templates = {};
