/** The type of `virtual:content-messages`, the content scripts' strings the build serves. */
declare module 'virtual:content-messages' {
  const messages: Record<'vi' | 'en', Record<string, string>>;
  export default messages;
}

/** `virtual:content-script-messages`: the few of those a content script shows itself. */
declare module 'virtual:content-script-messages' {
  export const vi: Record<string, string>;
  export const en: Record<string, string>;
}
