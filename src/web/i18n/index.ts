/**
 * i18next set-up: Dutch is the default, English can be chosen in the header.
 * The choice is kept in localStorage and mirrored in <html lang> and Accept-Language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Texts } from './feature-texts.ts';
import type { Lang } from '../api/types.ts';
import { setApiLanguage } from '../api/client.ts';

/**
 * One language at a time: each language's texts (base file plus every `features/<name>.<lang>.json`,
 * found by file name in texts.<lang>.ts) are one chunk, loaded at start for the chosen language and
 * on switching for the other. To add feature texts, add `features/<name>.nl.json` and `.en.json`.
 */
const LOADERS: Record<'nl' | 'en', () => Promise<{ default: Texts }>> = {
  nl: () => import('./texts.nl.ts'),
  en: () => import('./texts.en.ts'),
};

/** Makes sure a language's texts are loaded (setLanguage does this before switching). */
export async function loadTexts(lang: 'nl' | 'en') {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: texts } = await LOADERS[lang]();
  i18n.addResourceBundle(lang, 'translation', texts, true, true);
}

export const LANGUAGES: readonly Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'thuisroute.language';

export function storedLanguage(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'nl' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function apply(lang: Lang) {
  setApiLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Loads the chosen language's texts, then starts i18next; render after it resolves. */
export async function initI18n() {
  const lng = storedLanguage() ?? 'nl';
  const { default: texts } = await LOADERS[lng]();
  apply(lng);
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: texts } },
    // The other language is added when the user switches (setLanguage).
    partialBundledLanguages: true,
    lng,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

/** Switches the UI language; `remember` stores it as the user's explicit choice. */
export async function setLanguage(lang: Lang, remember = true) {
  if (remember) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }
  await loadTexts(lang);
  apply(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export { i18n };
