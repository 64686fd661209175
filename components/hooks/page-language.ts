/**
 * The language an extension page speaks, set in one step: the catalogue `t` reads, and the
 * document's `lang` (screen readers and hyphenation follow it).
 */
import { type Language, setLanguage } from '../../utils/i18n';

export function speak(language: Language): void {
  setLanguage(language);
  document.documentElement.lang = language;
}
