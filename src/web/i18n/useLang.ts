import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types.ts';

/** The current UI language as 'nl' | 'en' (re-renders on change). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'nl';
}
