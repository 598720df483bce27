/// <reference types="vite/client" />
/** All Dutch texts, one chunk: loaded only when the UI is (or switches to) Dutch. */
import base from './nl.json';
import { withFeatures } from './feature-texts.ts';

export default withFeatures(base, import.meta.glob('./features/*.nl.json', { eager: true, import: 'default' }), 'nl');
