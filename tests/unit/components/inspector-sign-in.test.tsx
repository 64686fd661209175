/**
 * The inspector's sign-in form offers the registry the reports go to (the one the shopper set, else
 * the one the build carries), also when that arrives after the form was first drawn, and never
 * replaces what the inspector typed.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { InspectorSignIn, type InspectorSignInProps } from '../../../components/InspectorSignIn';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function form(container: HTMLElement, change: Partial<InspectorSignInProps>) {
  render(
    <InspectorSignIn
      session={{ signedIn: false }}
      suggestedRegistry={null}
      busy={false}
      error={null}
      onSignIn={vi.fn()}
      onSignOut={vi.fn()}
      dashboardUrl="chrome-extension://x/dashboard.html"
      {...change}
    />,
    container,
  );
}

describe('the inspector sign-in', () => {
  it('pre-fills the registry the build or the shopper gave, once it is known', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    // The options page draws before the reports' registry has been read.
    form(container, { session: null });
    const field = () => container.querySelector<HTMLInputElement>('#inspector-registry');
    expect(field()?.value).toBe('');
    form(container, { suggestedRegistry: 'https://registry.example.gov.vn' });
    await settle();
    expect(field()?.value).toBe('https://registry.example.gov.vn');
  });

  it('keeps what the inspector typed', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    form(container, { suggestedRegistry: 'https://registry.example.gov.vn' });
    const field = container.querySelector<HTMLInputElement>('#inspector-registry');
    if (!field) throw new Error('no field');
    field.value = 'https://other.example';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    form(container, { suggestedRegistry: 'https://third.example' });
    await settle();
    expect(field.value).toBe('https://other.example');
  });
});
