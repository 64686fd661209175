/**
 * The oldest Firefox versions the manifest names (browser_specific_settings): Mozilla's
 * compatibility data gives data_collection_permissions from 140 on desktop and 142 on Android, and
 * everything else we use is older. store-listing.e2e.ts pins them in the package; the Firefox suite
 * checks it runs on a version at least the desktop one.
 */
export const FIREFOX_MIN = { desktop: '140.0', android: '142.0' };
