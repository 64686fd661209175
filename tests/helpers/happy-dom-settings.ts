/**
 * happy-dom settings for reading saved marketplace pages: they are full of iframes, trackers and
 * stylesheets, none of which may be fetched in a test.
 */
export const OFFLINE_SETTINGS = {
  disableIframePageLoading: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
};
