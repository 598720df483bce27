/**
 * i18next set-up: Dutch is the default, English can be chosen in the header.
 * The choice is kept in localStorage and mirrored in <html lang> and Accept-Language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';
import en from './en.json';
import monitorNl from './features/monitor.nl.json';
import monitorEn from './features/monitor.en.json';
import agreementsNl from './features/agreements.nl.json';
import agreementsEn from './features/agreements.en.json';
import importsNl from './features/imports.nl.json';
import importsEn from './features/imports.en.json';
import sortingNl from './features/sorting.nl.json';
import sortingEn from './features/sorting.en.json';
import shellNl from './features/shell.nl.json';
import shellEn from './features/shell.en.json';
import casepageNl from './features/casepage.nl.json';
import casepageEn from './features/casepage.en.json';
import homeNl from './features/home.nl.json';
import homeEn from './features/home.en.json';
import auditViewNl from './features/auditView.nl.json';
import auditViewEn from './features/auditView.en.json';
import formsStartNl from './features/formsStart.nl.json';
import formsStartEn from './features/formsStart.en.json';
import stepGuideNl from './features/stepGuide.nl.json';
import stepGuideEn from './features/stepGuide.en.json';
import clientEditNl from './features/clientEdit.nl.json';
import clientEditEn from './features/clientEdit.en.json';
import matchingNl from './features/matching.nl.json';
import matchingEn from './features/matching.en.json';
import nuisanceNl from './features/nuisance.nl.json';
import nuisanceEn from './features/nuisance.en.json';
import nuisanceHubNl from './features/nuisance-hub.nl.json';
import nuisanceHubEn from './features/nuisance-hub.en.json';

/** Feature modules keep their texts in features/<name>.<lang>.json, under the key <name>. */
export const FEATURE_TEXTS = {
  nl: { home: homeNl, monitor: monitorNl, agreements: agreementsNl, imports: importsNl, sorting: sortingNl, shell: shellNl, casepage: casepageNl, auditView: auditViewNl, formsStart: formsStartNl, stepGuide: stepGuideNl, clientEdit: clientEditNl, matching: matchingNl, nuisance: nuisanceNl, 'nuisance-hub': nuisanceHubNl },
  en: { home: homeEn, monitor: monitorEn, agreements: agreementsEn, imports: importsEn, sorting: sortingEn, shell: shellEn, casepage: casepageEn, auditView: auditViewEn, formsStart: formsStartEn, stepGuide: stepGuideEn, clientEdit: clientEditEn, matching: matchingEn, nuisance: nuisanceEn, 'nuisance-hub': nuisanceHubEn },
};
import type { Lang } from '../api/types.ts';
import { setApiLanguage } from '../api/client.ts';

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

export function initI18n() {
  const lng = storedLanguage() ?? 'nl';
  apply(lng);
  void i18n.use(initReactI18next).init({
    resources: { nl: { translation: { ...nl, ...FEATURE_TEXTS.nl } }, en: { translation: { ...en, ...FEATURE_TEXTS.en } } },
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
  apply(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export { i18n };
