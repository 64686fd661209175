/** The type of `virtual:content-messages`, the content scripts' strings the build serves. */
declare module 'virtual:content-messages' {
  const messages: Record<'vi' | 'en', Record<string, string>>;
  export default messages;
}
