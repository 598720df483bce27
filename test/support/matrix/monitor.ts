/** Matrix request templates for the monitor routes (one entry per "METHOD /url" of the route table). */
import type { Templates } from './types.ts';

export const MONITOR_TEMPLATES: Templates = {};
