/** Matrix request templates for the monitor routes (one entry per "METHOD /url" of the route table). */
import type { Templates } from './types.ts';

export const MONITOR_TEMPLATES: Templates = {
  'GET /api/v1/monitor': async () => [{ method: 'GET', url: '/api/v1/monitor?year=2026&month=2', relation: 'none' }],
};
