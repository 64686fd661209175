/**
 * The words a content script shows itself (scripts/content-messages.ts picks them), in Vietnamese:
 * a shopper who chose English gets them with the first lookup's answer (pageWords in the
 * background), so every page loads one language.
 */
import { en, vi } from 'virtual:content-script-messages';
import type { Catalogues, Language } from '../i18n';

export const CONTENT_SCRIPT_MESSAGES: Catalogues = { vi, en: {} };

/** For the background: the content script's words in a language it does not carry. */
export function pageWords(language: Language): Record<string, string> | undefined {
  return language === 'vi' ? undefined : en;
}
