/**
 * The inspector panel (side panel, sidebar or small window): the listing under focus as the
 * extension read it, what the registry knows about its item or its seller, the actions, and the
 * actions still waiting in the outbox. Every action is taken here, on an extension page.
 */
import { t } from '../utils/i18n';
import type { CaseStory } from '../utils/protocol/registry/review';
import type { InspectorSession, PendingAction } from '../utils/protocol/runtime/inspector';
import type { ActionRequest } from '../utils/protocol/runtime/inspector-messages';
import type { DraftListing } from '../utils/protocol/runtime/report-drafts';
import { CaseStoryView } from './CaseStoryView';
import { ListingFacts } from './ListingFacts';
import { PanelActions } from './PanelActions';

export interface InspectorPanelProps {
  session: InspectorSession | null;
  focus: DraftListing | null;
  target: 'item' | 'seller';
  onTarget(target: 'item' | 'seller'): void;
  story: CaseStory | null;
  images: Record<string, string>;
  outbox: PendingAction[];
  busy: boolean;
  /** What the last action did, or why it could not. */
  message: string | null;
  onAct(request: ActionRequest): void;
  onAttach(): void;
  canCapture: boolean;
  onAllowCapture(): void;
  onRetry(id: string): void;
  optionsUrl: string;
}

const STATE_WORDS = {
  pending: 'panelStatePending',
  delivered: 'panelStateDelivered',
  refused: 'panelStateRefused',
  expired: 'panelStateExpired',
} as const;

const ACTION_WORDS = {
  decision: 'panelDecision',
  note: 'panelNote',
  evidence: 'panelEvidence',
} as const;

function Outbox({ outbox, onRetry }: Pick<InspectorPanelProps, 'outbox' | 'onRetry'>) {
  if (outbox.length === 0) return null;
  return (
    <section aria-labelledby="panel-outbox-heading">
      <h2 id="panel-outbox-heading">{t('panelOutbox')}</h2>
      <ul data-testid="panel-outbox">
        {outbox.map((action) => (
          <li key={action.id} data-state={action.state}>
            {t(ACTION_WORDS[action.kind])} · {action.key} · {t(STATE_WORDS[action.state])}
            {action.error ? ` (${action.error})` : ''}
            {(action.state === 'refused' || action.state === 'expired') && (
              <button type="button" class="quiet" onClick={() => onRetry(action.id)}>
                {t('panelRetry')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InspectorPanel(props: InspectorPanelProps) {
  const { session, focus } = props;
  if (!session?.signedIn) {
    return (
      <main class="panel">
        <h1>{t('panelTitle')}</h1>
        <p data-testid="panel-signed-out">{t('panelSignedOut')}</p>
        <a href={props.optionsUrl} target="_blank" rel="noopener">
          {t('panelOpenOptions')}
        </a>
      </main>
    );
  }
  const sellerKey = focus?.listing.sellerKey;
  const targetKey = focus
    ? props.target === 'seller' && sellerKey
      ? sellerKey
      : focus.listing.itemKey
    : null;
  return (
    <main class="panel">
      <h1>{t('panelTitle')}</h1>
      <p class="inspector-mode" data-testid="panel-mode">
        {t('inspectorModeOn', session.name ?? '')}
      </p>
      {props.message && (
        <p role="status" data-testid="panel-message">
          {props.message}
        </p>
      )}
      {!focus || !targetKey ? (
        <p data-testid="panel-no-listing">{t('panelNoListing')}</p>
      ) : (
        <>
          <section aria-labelledby="panel-facts-heading">
            <h2 id="panel-facts-heading">{t('panelFacts')}</h2>
            <ListingFacts draft={focus} />
          </section>
          {sellerKey && (
            <fieldset class="row">
              <legend>{t('panelTarget')}</legend>
              <label>
                <input
                  type="radio"
                  name="panel-target"
                  checked={props.target === 'item'}
                  onChange={() => props.onTarget('item')}
                />{' '}
                {t('panelTargetItem')}
              </label>
              <label>
                <input
                  type="radio"
                  name="panel-target"
                  checked={props.target === 'seller'}
                  onChange={() => props.onTarget('seller')}
                />{' '}
                {t('panelTargetSeller')}
              </label>
            </fieldset>
          )}
          <section aria-labelledby="panel-story-heading">
            <h2 id="panel-story-heading">
              {t('panelStory')}: <code>{targetKey}</code>
            </h2>
            <CaseStoryView story={props.story} images={props.images} />
          </section>
          <PanelActions
            targetKey={targetKey}
            busy={props.busy}
            onAct={props.onAct}
            onAttach={props.onAttach}
            canCapture={props.canCapture}
            onAllowCapture={props.onAllowCapture}
          />
        </>
      )}
      <Outbox outbox={props.outbox} onRetry={props.onRetry} />
    </main>
  );
}
