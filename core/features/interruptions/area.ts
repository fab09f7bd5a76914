/**
 * Where an interruption is: a locality, a street of it, or houses on that street, written as
 * billing writes addresses («г. Воронеж, ул. Кольцовская, д. 24, 26» or «д. 20–30»). Whether an
 * account's address lies in it is decided here, the same way for every spelling: «ул.» and
 * «улица», «д. 24» and «24», «24к1» and «24 корп. 1», letter suffixes, case, ё and е.
 */
export interface Area {
  readonly locality: string;
  readonly street?: Street;
  /** Houses of the street; none: the whole street. */
  readonly houses?: readonly HouseSpan[];
}

interface Street {
  readonly kind: string | null;
  readonly name: string;
}

/** One house («24а», «24к1»), or a run of numbers («20–30») whatever their suffixes. */
type HouseSpan = { readonly house: string } | { readonly from: number; readonly to: number };

interface AddressParts {
  readonly locality: string | null;
  readonly street: Street | null;
  readonly house: string | null;
}

const localityKinds: Record<string, string> = {
  'г.': 'г',
  г: 'г',
  город: 'г',
  'пос.': 'п',
  'п.': 'п',
  поселок: 'п',
  'пгт.': 'пгт',
  пгт: 'пгт',
  'с.': 'с',
  село: 'с',
  'дер.': 'д',
  деревня: 'д',
  'ст.': 'ст',
  станица: 'ст',
};

const streetKinds: Record<string, string> = {
  'ул.': 'ул',
  ул: 'ул',
  улица: 'ул',
  'пр.': 'пр',
  'пр-т': 'пр',
  'пр-т.': 'пр',
  'просп.': 'пр',
  проспект: 'пр',
  'пер.': 'пер',
  переулок: 'пер',
  'б-р': 'б-р',
  'бул.': 'б-р',
  бульвар: 'б-р',
  'ш.': 'ш',
  шоссе: 'ш',
  'пл.': 'пл',
  площадь: 'пл',
  'наб.': 'наб',
  набережная: 'наб',
  'пр-д': 'пр-д',
  проезд: 'пр-д',
  'мкр.': 'мкр',
  мкр: 'мкр',
  микрорайон: 'мкр',
  'туп.': 'туп',
  тупик: 'туп',
};

const houseWord = /^(?:дом|д\.?)\s*/;
const flatWord = /^(?:кв\.?|квартира|оф\.?|офис|пом\.?|помещение)\s*\d/;

/** The area as written, or null when it names no locality. */
export function parseArea(written: string): Area | null {
  const parts = partsOf(written);
  const locality = parts.map(localityOf).find((found) => found !== null) ?? null;
  if (!locality) return null;
  const streetAt = parts.findIndex((part) => streetOf(part) !== null);
  if (streetAt === -1) return { locality };
  const street = streetOf(parts[streetAt] as string) as Street;
  const houses = parts.slice(streetAt + 1).flatMap(houseSpansOf);
  return houses.length > 0 ? { locality, street, houses } : { locality, street };
}

/** Whether an account's address (billing's spelling) lies in the area. */
export function inArea(address: string, area: Area): boolean {
  const parts = addressParts(address);
  if (parts.locality !== area.locality) return false;
  if (!area.street) return true;
  if (!parts.street || !sameStreet(parts.street, area.street)) return false;
  if (!area.houses) return true;
  const house = parts.house;
  return house !== null && area.houses.some((span) => ('house' in span ? span.house === house : inSpan(house, span)));
}

function addressParts(address: string): AddressParts {
  const parts = partsOf(address);
  const locality = parts.map(localityOf).find((found) => found !== null) ?? null;
  const streetAt = parts.findIndex((part) => streetOf(part) !== null);
  const street = streetAt === -1 ? null : streetOf(parts[streetAt] as string);
  const house =
    streetAt === -1
      ? null
      : (parts
          .slice(streetAt + 1)
          .map(houseOf)
          .find((found) => found !== null) ?? null);
  return { locality, street, house };
}

function partsOf(written: string): string[] {
  return normalized(written)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function normalized(written: string): string {
  return written.toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ').replace(/[–—]/g, '-');
}

function localityOf(part: string): string | null {
  const [first, ...rest] = part.split(' ');
  const kind = first === undefined ? undefined : localityKinds[first];
  if (kind === undefined || rest.length === 0) return null;
  return `${kind} ${rest.join(' ')}`;
}

function streetOf(part: string): Street | null {
  const words = part.split(' ');
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (streetKinds[first] !== undefined && words.length > 1) return { kind: streetKinds[first], name: words.slice(1).join(' ') };
  if (streetKinds[last] !== undefined && words.length > 1) return { kind: streetKinds[last], name: words.slice(0, -1).join(' ') };
  return null;
}

function sameStreet(one: Street, other: Street): boolean {
  return one.name === other.name && (one.kind === null || other.kind === null || one.kind === other.kind);
}

/** A house as one canonical word: «24», «24а», «24к1», «24с2», «24/2». */
function houseOf(part: string): string | null {
  if (flatWord.test(part)) return null;
  const written = part.replace(houseWord, '');
  const house = /^(\d+)\s*(?:-?\s*([а-я])(?![а-я]))?\s*(?:(?:к\.?|корп\.?|корпус)\s*(\d+))?\s*(?:(?:с\.?|стр\.?|строение)\s*(\d+))?\s*(?:\/\s*(\d+))?$/.exec(
    written,
  );
  if (!house) return null;
  const [, number, letter, block, building, fraction] = house;
  return `${number}${letter ?? ''}${block ? `к${block}` : ''}${building ? `с${building}` : ''}${fraction ? `/${fraction}` : ''}`;
}

/** The houses one part of an area names: a house, several («24, 26» are parts of their own), or a run «20-30». */
function houseSpansOf(part: string): HouseSpan[] {
  const written = part.replace(houseWord, '');
  const run = /^(\d+)\s*-\s*(\d+)$/.exec(written);
  if (run) {
    const [from, to] = [Number(run[1]), Number(run[2])];
    return from <= to ? [{ from, to }] : [];
  }
  const house = houseOf(written);
  return house ? [{ house }] : [];
}

function inSpan(house: string, span: { readonly from: number; readonly to: number }): boolean {
  const number = Number(/^\d+/.exec(house)?.[0]);
  return number >= span.from && number <= span.to;
}
