// Word lists that figure extraction and matching share: who is a person, which words name a people or a
// place, and the word a figure's counted-thing phrase is made of.

export interface Word {
  w: string;
  start: number;
  end: number;
}

export const DEMONYMS = new Set(
  (
    'korean koreans russian russians ukrainian ukrainians american americans chinese british french german germans ' +
    'israeli israelis palestinian palestinians iranian iranians syrian syrians afghan afghans iraqi iraqis indian ' +
    'indians pakistani pakistanis japanese european europeans african africans mexican mexicans canadian canadians ' +
    'polish belarusian belarusians turkish kurdish kurds saudi saudis egyptian egyptians lebanese yemeni sudanese ' +
    'australian australians italian italians spanish dutch swedish norwegian finnish georgian georgians chechen chechens ' +
    'western foreign allied civilian'
  ).split(' '),
);

/** Capitals and metonyms that name a group: "troops from Pyongyang". */
export const PLACE_GROUP = new Map<string, string>([
  ['pyongyang', 'north korean'], ['moscow', 'russian'], ['kremlin', 'russian'], ['kyiv', 'ukrainian'],
  ['kiev', 'ukrainian'], ['seoul', 'south korean'], ['washington', 'american'], ['beijing', 'chinese'],
  ['north korea', 'north korean'], ['south korea', 'south korean'], ['russia', 'russian'], ['ukraine', 'ukrainian'],
]);

/** Counted things that are people: they match a bare "people" or a demonym ("3,000 North Koreans"). */
export const PERSON_KEYS = new Set([
  'soldier', 'people', 'civilian', 'child', 'man', 'woman', 'prisoner', 'refugee', 'worker', 'resident', 'citizen',
  'member', 'fighter', 'officer', 'troop', 'recruit', 'conscript', 'mercenary', 'volunteer', 'patient', 'victim',
  'employee', 'student', 'resident', 'inhabitant', 'passenger', 'spectator', 'participant',
]);

/** Words that say where, not what: they end the counted-thing phrase and set the figure's place. */
export const PLACE_WORDS = new Set(['worldwide', 'globally', 'global', 'overseas', 'abroad', 'domestically', 'nationwide', 'internationally', 'locally']);
