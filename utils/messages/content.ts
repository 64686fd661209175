/** The warnings' strings only, for content scripts (scripts/content-messages.ts builds them). */
import messages from 'virtual:content-messages';
import type { Catalogues } from '../i18n';

export const CONTENT_MESSAGES: Catalogues = messages;
