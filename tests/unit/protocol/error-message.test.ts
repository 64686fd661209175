import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../utils/protocol/error-message';

describe('errorMessage', () => {
  it('gives an Error’s message and any other thrown value as text', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(404)).toBe('404');
    expect(errorMessage(null)).toBe('null');
  });
});
