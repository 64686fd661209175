/**
 * Files this package ships (the default feed in public/feed), read by the background as the built
 * extension serves them.
 */
import { browser } from 'wxt/browser';
import type { PackageReader } from '../../../utils/feed/default-data';

export const readPackageFile: PackageReader = async (path) => {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
};
