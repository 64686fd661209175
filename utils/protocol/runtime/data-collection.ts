/**
 * What the extension sends, in the data categories of Firefox's built-in consent
 * (extensionworkshop.com/documentation/develop/firefox-builtin-data-consent). Browsing sends
 * nothing, so nothing is required; each category is optional and asked for (permissions.request)
 * when a person first chooses to send: a report, or inspector mode. Plain data, so the build config
 * can declare it in the Firefox manifest.
 */

/**
 * A report: the listing as read (title, price, seller, an optional screenshot: websiteContent),
 * its address (browsingActivity) and the install id that lets the registry count reports apart
 * (technicalAndInteraction).
 */
export const REPORT_DATA = [
  'websiteContent',
  'browsingActivity',
  'technicalAndInteraction',
] as const;
/**
 * A layout report (the popup's "Gửi báo cáo bố cục"): the marketplace, the kind of page, the
 * reader's version and its counts, an error report about the extension itself
 * (technicalAndInteraction).
 */
export const LAYOUT_REPORT_DATA = ['technicalAndInteraction'] as const;
/** The optional contact a shopper may add to a report (an email or a phone number). */
export const CONTACT_DATA = 'personallyIdentifyingInfo';
/**
 * Inspector mode: the ids of the listings whose pages a signed-in inspector opens
 * (browsingActivity), and with a decision or evidence the listing as read and a screenshot of it
 * (websiteContent).
 */
export const INSPECTOR_DATA = ['browsingActivity', 'websiteContent'] as const;

export type DataCategory = (typeof REPORT_DATA)[number] | typeof CONTACT_DATA;

/** What one report sends: the contact's category only when the shopper gave one. */
export function reportCategories(contact: string | undefined): DataCategory[] {
  return contact?.trim() ? [...REPORT_DATA, CONTACT_DATA] : [...REPORT_DATA];
}

/** The reports "Gửi ngay" / "Thử lại" sends again: waiting, refused, or past the 30 days. */
const UNSENT = new Set(['waiting', 'refused', 'expired']);

/**
 * What "Gửi ngay" in "Báo cáo của tôi" asks for: the reports still waiting (the one pressed, or
 * all), which Firefox may hold back because its consent was withdrawn after they were saved.
 */
export function retryCategories(
  reports: ReadonlyArray<{ id: string; progress: string; contact?: string | undefined }>,
  id?: string,
): DataCategory[] {
  const waiting = reports.filter(
    (report) => UNSENT.has(report.progress) && (id === undefined || report.id === id),
  );
  if (waiting.length === 0) return [];
  return waiting.some((report) => report.contact?.trim())
    ? [...REPORT_DATA, CONTACT_DATA]
    : [...REPORT_DATA];
}

/**
 * What the background refuses a report with while Firefox's consent is missing: each page says it
 * in its own words (`dataConsentNeeded`), in the shopper's language.
 */
export const CONSENT_NEEDED = 'consent_needed: sending a report is not allowed yet';

/** browser_specific_settings.gecko.data_collection_permissions of the Firefox manifest. */
export const DATA_COLLECTION = {
  required: ['none'],
  optional: [...REPORT_DATA, CONTACT_DATA],
};
