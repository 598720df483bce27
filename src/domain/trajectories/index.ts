/** Public API of the Omslagroute trajectory core (pure, no I/O). */
export * from './model.ts';
export * from './transitions.ts';
export * from './state.ts';
export * from './deadlines.ts';
export * from './transfer.ts';
export * from './guards.ts';
export * from './event-data.ts';
export * from './advice.ts';
export * from './municipality.ts';
