/// <reference types="vite/client" />
/** All English texts, one chunk: loaded only when the UI is (or switches to) English. */
import base from './en.json';
import { withFeatures } from './feature-texts.ts';

export default withFeatures(base, import.meta.glob('./features/*.en.json', { eager: true, import: 'default' }), 'en');
