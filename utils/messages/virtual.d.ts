declare module 'virtual:content-messages' {
  const messages: Record<'vi' | 'en', Record<string, string>>;
  export default messages;
}
