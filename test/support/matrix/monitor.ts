/** Matrix request templates for the monitor routes (one entry per "METHOD /url" of the route table). */
import type { Templates } from './types.ts';

export const MONITOR_TEMPLATES: Templates = {
  'GET /api/v1/monitor': async () => [{ method: 'GET', url: '/api/v1/monitor?year=2026&month=2', relation: 'none' }],
  'GET /api/v1/monitor/filters': async () => [{ method: 'GET', url: '/api/v1/monitor/filters', relation: 'none' }],
  'GET /api/v1/monitor/tables/:table': async () => [
    { method: 'GET', url: '/api/v1/monitor/tables/groups?year=2026&month=2&municipality=GM9001', relation: 'none' },
    { method: 'GET', url: '/api/v1/monitor/tables/corporations?year=2026&month=2&region=REGIO-VEENHAVEN&format=csv', relation: 'none' },
    { method: 'GET', url: '/api/v1/monitor/tables/household-sizes?year=2026&month=2&region=REGIO-VEENHAVEN&format=xlsx', relation: 'none' },
  ],
  'GET /api/v1/monitor/report.pdf': async () => [{ method: 'GET', url: '/api/v1/monitor/report.pdf?year=2026&month=2&municipality=GM9001', relation: 'none' }],
};
