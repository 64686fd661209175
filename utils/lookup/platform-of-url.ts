/** Which marketplace a page belongs to: the rule lives in the contract (utils/protocol). */
export { platformOfUrl } from '../protocol/platform-of-url';
