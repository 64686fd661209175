/**
 * A card listing as the engine reads it from a grid. Its text is read when first asked for: the
 * title for every lookup (flagged product names are matched against it), price and official status
 * only when needed (a report, the extract tool), since reading every card's whole text would cost
 * every grid. One class whose text reader is shared by every card of a site: a card holds its
 * elements and strings, no closures and no URL objects, since it lives as long as its card does.
 */
import { readAddressName } from '../../protocol/address-name';
import type { Platform } from '../../protocol/keys';
import type { ExtractedListing, Price } from './types';

export interface CardFacts {
  price: Price | null;
  official: boolean | null;
}

/** How a site reads a card's text: one object per adapter, shared by all its cards. */
export interface CardTextReader {
  title(root: Element, link: Element | null): string | null;
  facts(root: Element, currency: string, officialOnPage: boolean | null): CardFacts;
}

export class CardListing implements ExtractedListing {
  readonly kind = 'card';
  #facts: CardFacts | undefined;
  #title: string | null | undefined;
  #matchName: string | null | undefined;

  constructor(
    readonly platform: Platform,
    readonly itemKey: string,
    readonly sellerKey: string | null,
    readonly sellerName: string | null,
    readonly url: string,
    /** The card's root: its badge goes inside. */
    readonly anchor: Element,
    readonly addressName: string | null,
    private readonly reader: CardTextReader,
    /** The card's link, and its `href` as read: the same address later means the same card. */
    readonly link: Element | null,
    private readonly href: string | null,
    private readonly currency: string,
    /** The page's own JSON's official-store mark for this card's seller, if any. */
    private readonly officialOnPage: boolean | null,
  ) {}

  /** Whether this card's link still shows it: the same address, still inside the same card. */
  showsSame(link: Element, href: string | null): boolean {
    return this.link === link && this.href === href && this.anchor.contains(link);
  }

  get title() {
    if (this.#title === undefined) this.#title = this.reader.title(this.anchor, this.link);
    return this.#title;
  }
  get matchName() {
    if (this.#matchName === undefined) {
      this.#matchName = (this.addressName && readAddressName(this.addressName)) ?? this.title;
    }
    return this.#matchName;
  }
  get price() {
    this.#facts ??= this.reader.facts(this.anchor, this.currency, this.officialOnPage);
    return this.#facts.price;
  }
  get official() {
    this.#facts ??= this.reader.facts(this.anchor, this.currency, this.officialOnPage);
    return this.#facts.official;
  }
}
