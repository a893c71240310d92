// Seeded generator of realistic news articles (about 5 KB each) and of a 5,000-word Markdown draft, for the
// speed benchmark. Deterministic: the same seed gives the same bytes on every machine (own PRNG, own number
// formatting, no locale). Article i depends only on (seed, i), so every corpus size shares its first
// articles, and the draft (built from the first DRAFT_POOL articles) agrees or disagrees with the same
// sources at every size.
//
// Style follows examples/sources/: paragraphs of sentences separated by line breaks, figures in many forms
// (3,000; approximately 11,000 soldiers; more than 1,000 ... in the past week; up to 4,000; between 10,000
// and 12,000; $3.5 billion; 12%; tens of thousands), dates (December 23, late 2024, last August, on Friday,
// on Christmas), quotations with the speaker before or after, scare quotes and abbreviations (U.S., Gen.).
// Many topics and a large vocabulary (plus invented place and person names, rare terms that appear in one
// article) so that an inverted index sees a realistic spread of terms.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated text changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20241223;
/** The draft draws its agreeing and disagreeing claims from articles 0 .. DRAFT_POOL-1. */
export const DRAFT_POOL = 60;

// ---------------------------------------------------------------------------------------------
// PRNG

export type Rng = () => number;

/** mulberry32: small, fast, good enough for text generation. Returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a stream number into a new 32-bit seed (murmur3 finaliser). */
function mix(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Gen {
  constructor(readonly rnd: Rng) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }
  /** Zipf-like pick: early entries much more often than late ones (realistic term frequencies). */
  zipf<T>(xs: readonly T[]): T {
    const u = this.rnd();
    return xs[Math.min(xs.length - 1, Math.floor(xs.length * u * u * u))] as T;
  }
  adv(): string {
    return this.pick(ADVERBS);
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.rnd() * 16)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOLIDAYS = ['Christmas', 'Christmas Eve', "New Year's Day", "New Year's Eve", 'Easter Sunday', 'Thanksgiving', 'Independence Day', 'Labor Day', 'Boxing Day'];

const FIRST = [
  'John', 'Maria', 'David', 'Olena', 'Ahmed', 'Li', 'Sarah', 'James', 'Fatima', 'Carlos', 'Anna', 'Robert', 'Priya', 'Michael',
  'Elena', 'Kenji', 'Laura', 'Ibrahim', 'Sofia', 'Daniel', 'Amara', 'Peter', 'Yuki', 'Thomas', 'Grace', 'Mohammed', 'Irina',
  'Lucas', 'Hannah', 'Rahul', 'Chloe', 'Samuel', 'Aisha', 'Viktor', 'Emma', 'Jonas', 'Leila', 'Oliver', 'Min-jun', 'Nadia',
  'Andrew', 'Ines', 'Pavel', 'Rachel', 'Tomasz', 'Zainab', 'Henrik', 'Camila', 'Mark', 'Ngozi', 'Stefan', 'Julia', 'Kwame',
  'Alice', 'Dmitri', 'Beatriz', 'Karim', 'Helen', 'Arjun', 'Marta', 'Ethan', 'Sun-hee', 'Gabriel', 'Ayesha', 'Felix', 'Claire',
];
const LAST = [
  'Kirby', 'Smith', 'Kovalenko', 'Garcia', 'Nguyen', 'Müller', 'Okafor', 'Tanaka', 'Rossi', 'Haddad', 'Johansson', 'Patel',
  'Novak', 'Silva', 'Kim', 'Murphy', 'Ivanova', 'Chen', 'Dubois', 'Mensah', 'Schmidt', 'Lopez', 'Yilmaz', 'Petrov', 'Andersen',
  'Hughes', 'Rahman', 'Fischer', 'Santos', 'Park', 'Kowalski', 'Oduya', 'Bianchi', 'Sato', 'Moreau', 'Costa', 'Wright', 'Ali',
  'Horvat', 'Lindqvist', 'Murrett', 'Bennett', 'Popescu', 'Hansen', 'Reyes', 'Shevchenko', 'Watanabe', 'Adeyemi', 'Grant',
  'Larsen', 'Morales', 'Fernandes', 'Baker', 'Chowdhury', 'Walsh', 'Nakamura', 'Cohen', 'Berg', 'Mbeki', 'Castillo', 'Quinn',
  'Vargas', 'Dalton', 'Ferreira', 'Ortiz', 'Sokolov', 'Hale', 'Brennan', 'Achebe', 'Lund', 'Marsh', 'Ueda', 'Toth', 'Pereira',
];
const COUNTRIES = [
  'Ukraine', 'Russia', 'North Korea', 'South Korea', 'Japan', 'China', 'India', 'Brazil', 'Germany', 'France', 'Poland', 'Italy',
  'Spain', 'Turkey', 'Egypt', 'Nigeria', 'Kenya', 'Ethiopia', 'Mexico', 'Canada', 'Argentina', 'Chile', 'Indonesia', 'Vietnam',
  'the Philippines', 'Pakistan', 'Bangladesh', 'Iran', 'Israel', 'Saudi Arabia', 'Australia', 'New Zealand', 'Sweden', 'Norway',
  'Finland', 'Romania', 'Hungary', 'Greece', 'Portugal', 'Colombia', 'Peru', 'South Africa', 'Ghana', 'Morocco', 'Thailand',
  'Malaysia', 'Taiwan', 'the Netherlands', 'Belgium', 'Austria', 'Czechia', 'Serbia', 'Georgia', 'Moldova', 'Kazakhstan',
];
const DEMONYMS: Record<string, string> = {
  Ukraine: 'Ukrainian', Russia: 'Russian', 'North Korea': 'North Korean', 'South Korea': 'South Korean', Japan: 'Japanese',
  China: 'Chinese', India: 'Indian', Brazil: 'Brazilian', Germany: 'German', France: 'French', Poland: 'Polish', Italy: 'Italian',
  Spain: 'Spanish', Turkey: 'Turkish', Egypt: 'Egyptian', Nigeria: 'Nigerian', Kenya: 'Kenyan', Ethiopia: 'Ethiopian',
  Mexico: 'Mexican', Canada: 'Canadian', Argentina: 'Argentine', Chile: 'Chilean', Indonesia: 'Indonesian', Vietnam: 'Vietnamese',
  'the Philippines': 'Filipino', Pakistan: 'Pakistani', Bangladesh: 'Bangladeshi', Iran: 'Iranian', Israel: 'Israeli',
  'Saudi Arabia': 'Saudi', Australia: 'Australian', 'New Zealand': 'New Zealand', Sweden: 'Swedish', Norway: 'Norwegian',
  Finland: 'Finnish', Romania: 'Romanian', Hungary: 'Hungarian', Greece: 'Greek', Portugal: 'Portuguese', Colombia: 'Colombian',
  Peru: 'Peruvian', 'South Africa': 'South African', Ghana: 'Ghanaian', Morocco: 'Moroccan', Thailand: 'Thai',
  Malaysia: 'Malaysian', Taiwan: 'Taiwanese', 'the Netherlands': 'Dutch', Belgium: 'Belgian', Austria: 'Austrian',
  Czechia: 'Czech', Serbia: 'Serbian', Georgia: 'Georgian', Moldova: 'Moldovan', Kazakhstan: 'Kazakh',
};
const CITIES = [
  'Kursk', 'Kyiv', 'Kharkiv', 'Seoul', 'Pyongyang', 'Washington', 'London', 'Brussels', 'Geneva', 'Tokyo', 'Delhi', 'Mumbai',
  'São Paulo', 'Lagos', 'Nairobi', 'Cairo', 'Istanbul', 'Berlin', 'Paris', 'Warsaw', 'Rome', 'Madrid', 'Lisbon', 'Athens',
  'Jakarta', 'Manila', 'Hanoi', 'Karachi', 'Dhaka', 'Tehran', 'Riyadh', 'Sydney', 'Auckland', 'Stockholm', 'Oslo', 'Helsinki',
  'Bucharest', 'Budapest', 'Bogotá', 'Lima', 'Johannesburg', 'Accra', 'Rabat', 'Bangkok', 'Kuala Lumpur', 'Taipei', 'Amsterdam',
  'Vienna', 'Prague', 'Belgrade', 'Tbilisi', 'Chisinau', 'Almaty', 'St. Petersburg', 'Novoivanovka', 'Toronto', 'Chicago',
  'Houston', 'Mexico City', 'Buenos Aires', 'Santiago', 'Osaka', 'Busan', 'Chennai', 'Addis Ababa', 'Casablanca', 'Ho Chi Minh City',
];
const SYLL = ['ka', 'lo', 'ven', 'mar', 'tor', 'sel', 'bri', 'dan', 'ov', 'ka', 'mir', 'zel', 'po', 'ran', 'ul', 'gor', 'esh', 'ni',
  'va', 'tal', 'ber', 'sk', 'lin', 'dor', 'ast', 'hav', 'mon', 'rek', 'ti', 'sha', 'vel', 'quin', 'or', 'ad', 'ny', 'cz', 'fen'];
const PLACE_SUFFIX = ['ivka', 'ovo', 'burg', 'ton', 'ville', 'abad', 'grad', 'dorf', 'pur', 'sk', 'ia', 'port', 'ford', 'ria'];

interface Thing {
  noun: string;
  /** Past participles or phrases: "killed or wounded". */
  events: string[];
  /** log10 of the usual magnitude range. */
  mag: [number, number];
}
interface Topic {
  name: string;
  things: Thing[];
  orgs: string[];
  roles: string[];
  nouns: string[];
  adjectives: string[];
  verbs: string[]; // past tense
  metrics: string[]; // for percentages
  money: string[]; // what money pays for
  scare: string[];
}

const TOPICS: Topic[] = [
  {
    name: 'war',
    things: [
      { noun: 'soldiers', events: ['killed or wounded', 'killed', 'wounded', 'deployed', 'captured', 'dead or wounded'], mag: [2.5, 4.5] },
      { noun: 'troops', events: ['deployed', 'killed or injured', 'sent to the front', 'stationed in the region'], mag: [3, 5] },
      { noun: 'civilians', events: ['killed', 'injured', 'displaced', 'evacuated'], mag: [1.5, 4] },
      { noun: 'missiles', events: ['launched', 'intercepted', 'fired'], mag: [1.3, 2.6] },
      { noun: 'drones', events: ['launched', 'shot down', 'intercepted'], mag: [1.5, 3] },
      { noun: 'tanks', events: ['destroyed', 'delivered', 'lost'], mag: [1, 2.7] },
      { noun: 'prisoners of war', events: ['exchanged', 'released', 'captured'], mag: [1, 2.8] },
      { noun: 'casualties', events: ['recorded', 'sustained', 'reported'], mag: [3, 5] },
    ],
    orgs: ['the Defense Ministry', 'the National Security Council', "Ukraine's military intelligence agency, GUR", 'the General Staff',
      'the National Intelligence Service', 'NATO', 'the Pentagon', 'the U.N. monitoring mission', 'British defense intelligence',
      'the Institute for the Study of War', 'the U.S. State Department', 'the Kremlin'],
    roles: ['spokesperson for the National Security Council', 'defense minister', 'Gen.', 'Lt. Col.', 'military analyst', 'President',
      'commander of the eastern group', 'retired U.S. Vice Admiral'],
    nouns: ['offensive', 'incursion', 'frontline', 'artillery', 'battalion', 'brigade', 'ceasefire', 'counteroffensive', 'trench',
      'reinforcements', 'ammunition', 'airstrike', 'assault', 'morale', 'logistics', 'convoy', 'border region', 'defense pact',
      'air defense', 'shelling', 'positions', 'mobilization', 'supply lines', 'reconnaissance', 'sanctions', 'alliance', 'casualty figures'],
    adjectives: ['fierce', 'heavy', 'contested', 'strategic', 'poorly trained', 'dismounted', 'expendable', 'relentless', 'grim', 'sustained'],
    verbs: ['repelled', 'shelled', 'captured', 'reinforced', 'withdrew from', 'advanced on', 'bombarded', 'encircled', 'recaptured', 'targeted'],
    metrics: ['the share of destroyed equipment', 'defense spending', 'the proportion of wounded troops returning to duty'],
    money: ['military aid', 'air defense systems', 'reconstruction', 'artillery shells'],
    scare: ['human wave', 'meat grinder', 'cannon fodder', 'special military operation', 'red lines', 'hopeless'],
  },
  {
    name: 'economy',
    things: [
      { noun: 'jobs', events: ['added', 'cut', 'lost', 'created'], mag: [3, 5.5] },
      { noun: 'workers', events: ['laid off', 'hired', 'on strike', 'furloughed'], mag: [2, 5] },
      { noun: 'companies', events: ['filed for bankruptcy', 'registered', 'closed'], mag: [1.5, 4] },
      { noun: 'homes', events: ['sold', 'built', 'repossessed'], mag: [3, 6] },
      { noun: 'containers', events: ['shipped', 'unloaded', 'delayed'], mag: [3, 6] },
    ],
    orgs: ['the central bank', 'the Finance Ministry', 'the International Monetary Fund', 'the World Bank', 'the statistics office',
      'the U.S. Federal Reserve', 'the European Central Bank', 'the Bureau of Labor Statistics', 'Goldman Sachs', 'Moody’s',
      'the chamber of commerce', 'the OECD'],
    roles: ['finance minister', 'chief economist', 'central bank governor', 'Treasury Secretary', 'analyst', 'chief executive', 'Dr.'],
    nouns: ['inflation', 'interest rates', 'bond yields', 'recession', 'growth', 'exports', 'tariffs', 'supply chains', 'consumer spending',
      'wages', 'budget deficit', 'currency', 'stock market', 'investment', 'productivity', 'manufacturing', 'housing market',
      'trade surplus', 'earnings', 'stimulus', 'subsidies', 'debt', 'credit rating', 'pension reform', 'retail sales'],
    adjectives: ['sluggish', 'robust', 'volatile', 'fiscal', 'monetary', 'cautious', 'unexpected', 'inflationary', 'resilient', 'weak'],
    verbs: ['raised', 'lowered', 'forecast', 'revised', 'slashed', 'tightened', 'eased', 'downgraded', 'upgraded', 'froze'],
    metrics: ['Inflation', 'Unemployment', 'The benchmark interest rate', 'Annual growth', 'The jobless rate', 'Core inflation',
      'The savings rate', 'Youth unemployment'],
    money: ['a stimulus package', 'the budget shortfall', 'infrastructure', 'a bailout', 'debt relief', 'tax cuts', 'the merger'],
    scare: ['soft landing', 'transitory', 'perfect storm', 'new normal', 'greedflation', 'stagflation'],
  },
  {
    name: 'health',
    things: [
      { noun: 'patients', events: ['hospitalized', 'treated', 'admitted', 'discharged'], mag: [2, 4.5] },
      { noun: 'cases', events: ['confirmed', 'reported', 'recorded'], mag: [2, 5.5] },
      { noun: 'deaths', events: ['recorded', 'reported', 'attributed to the outbreak'], mag: [1, 4] },
      { noun: 'doses', events: ['administered', 'delivered', 'ordered'], mag: [4, 7] },
      { noun: 'nurses', events: ['on strike', 'recruited', 'hired'], mag: [2, 4.5] },
    ],
    orgs: ['the World Health Organization', 'the Health Ministry', 'the Centers for Disease Control and Prevention', 'Doctors Without Borders',
      'the National Health Service', 'the Red Cross', 'the regional health authority', 'the U.S. Food and Drug Administration'],
    roles: ['health minister', 'Dr.', 'chief medical officer', 'epidemiologist', 'hospital director', 'spokesperson for the WHO'],
    nouns: ['outbreak', 'vaccine', 'vaccination campaign', 'hospital', 'intensive care', 'waiting lists', 'clinical trial', 'infection',
      'pandemic', 'quarantine', 'antibiotics', 'treatment', 'public health', 'surveillance', 'mortality', 'screening', 'variant',
      'emergency room', 'shortage of medicines', 'primary care'],
    adjectives: ['infectious', 'preliminary', 'clinical', 'overwhelmed', 'chronic', 'acute', 'rare', 'preventable', 'severe', 'mild'],
    verbs: ['approved', 'reported', 'confirmed', 'warned of', 'treated', 'screened', 'tested', 'vaccinated', 'monitored', 'contained'],
    metrics: ['Vaccination coverage', 'The infection rate', 'Hospital occupancy', 'The mortality rate', 'Bed occupancy'],
    money: ['the vaccine rollout', 'new hospitals', 'medical research', 'emergency health funding'],
    scare: ['twindemic', 'herd immunity', 'long Covid', 'miracle cure', 'silent epidemic'],
  },
  {
    name: 'disaster',
    things: [
      { noun: 'residents', events: ['evacuated', 'displaced', 'left without power', 'rescued'], mag: [2, 5.5] },
      { noun: 'homes', events: ['destroyed', 'damaged', 'flooded'], mag: [2, 4.7] },
      { noun: 'hectares', events: ['burned', 'flooded', 'scorched'], mag: [3, 6] },
      { noun: 'people', events: ['killed', 'missing', 'injured', 'rescued'], mag: [1, 3.5] },
      { noun: 'firefighters', events: ['deployed', 'battling the blaze', 'sent to the area'], mag: [2, 4] },
    ],
    orgs: ['the emergency services', 'the civil protection agency', 'the national weather service', 'the Red Crescent',
      'the U.N. Office for the Coordination of Humanitarian Affairs', 'the fire brigade', 'the coast guard', 'local authorities'],
    roles: ['Gov.', 'mayor', 'fire chief', 'emergency coordinator', 'meteorologist', 'interior minister'],
    nouns: ['earthquake', 'wildfire', 'flood', 'hurricane', 'cyclone', 'landslide', 'drought', 'heatwave', 'storm surge', 'aftershock',
      'evacuation', 'relief effort', 'shelter', 'rainfall', 'levee', 'power outage', 'debris', 'rescue teams', 'climate change', 'emissions'],
    adjectives: ['torrential', 'catastrophic', 'devastating', 'record', 'unprecedented', 'deadly', 'coastal', 'remote', 'low-lying', 'dry'],
    verbs: ['struck', 'swept through', 'flattened', 'inundated', 'evacuated', 'battered', 'ravaged', 'cut off', 'rebuilt', 'cleared'],
    metrics: ['Rainfall', 'The share of damaged buildings', 'Crop losses', 'Humidity'],
    money: ['disaster relief', 'reconstruction', 'flood defenses', 'insurance claims'],
    scare: ['once in a century', 'new normal', 'act of God', 'climate emergency', 'tipping point'],
  },
  {
    name: 'politics',
    things: [
      { noun: 'votes', events: ['cast', 'counted', 'disputed'], mag: [4, 7.5] },
      { noun: 'voters', events: ['registered', 'turned out', 'polled'], mag: [3, 7.5] },
      { noun: 'seats', events: ['won', 'lost', 'contested'], mag: [1, 2.7] },
      { noun: 'protesters', events: ['detained', 'gathered', 'marched'], mag: [2, 5] },
      { noun: 'lawmakers', events: ['voted in favor', 'abstained', 'signed the letter'], mag: [1, 2.6] },
    ],
    orgs: ['the electoral commission', 'parliament', 'the Senate', 'the opposition party', 'the ruling coalition', 'the Supreme Court',
      'the European Commission', 'the U.N. Security Council', 'the White House', 'Downing Street', 'the African Union'],
    roles: ['Sen.', 'Prime Minister', 'President', 'opposition leader', 'Foreign Minister', 'Rep.', 'party chairman', 'Mr.', 'Ms.'],
    nouns: ['election', 'referendum', 'coalition', 'ballot', 'campaign', 'constitution', 'impeachment', 'legislation', 'amendment',
      'veto', 'polls', 'turnout', 'mandate', 'cabinet', 'reshuffle', 'summit', 'treaty', 'negotiations', 'diplomacy', 'corruption probe'],
    adjectives: ['bitter', 'narrow', 'landslide', 'bipartisan', 'constitutional', 'populist', 'centrist', 'contentious', 'snap', 'historic'],
    verbs: ['approved', 'rejected', 'vetoed', 'endorsed', 'criticized', 'negotiated', 'postponed', 'ratified', 'challenged', 'dissolved'],
    metrics: ['Turnout', 'Approval of the government', 'Support for the ruling party', 'The opposition’s share of the vote'],
    money: ['the campaign', 'election security', 'the new ministry', 'foreign aid'],
    scare: ['deep state', 'rigged', 'witch hunt', 'silent majority', 'stolen election', 'reset'],
  },
  {
    name: 'tech',
    things: [
      { noun: 'users', events: ['affected', 'signed up', 'logged in daily'], mag: [4, 8.5] },
      { noun: 'accounts', events: ['compromised', 'suspended', 'deleted'], mag: [3, 8] },
      { noun: 'employees', events: ['laid off', 'hired', 'relocated'], mag: [2, 5] },
      { noun: 'devices', events: ['sold', 'shipped', 'recalled'], mag: [4, 8] },
      { noun: 'chips', events: ['produced', 'exported', 'ordered'], mag: [4, 8] },
    ],
    orgs: ['Microsoft', 'Google', 'the cybersecurity agency', 'Apple', 'Meta', 'OpenAI', 'Samsung Electronics', 'Nvidia Corp.',
      'the Federal Trade Commission', 'the data protection authority', 'TSMC', 'Amazon Web Services'],
    roles: ['chief executive', 'chief technology officer', 'security researcher', 'Dr.', 'product manager', 'digital minister'],
    nouns: ['software', 'data breach', 'ransomware', 'artificial intelligence', 'semiconductors', 'cloud', 'encryption', 'platform',
      'algorithm', 'privacy', 'antitrust case', 'chatbot', 'smartphone', 'data center', 'startup', 'venture capital', 'patch',
      'vulnerability', 'open source', 'outage'],
    adjectives: ['generative', 'encrypted', 'proprietary', 'malicious', 'autonomous', 'digital', 'scalable', 'critical', 'widespread'],
    verbs: ['launched', 'patched', 'acquired', 'unveiled', 'breached', 'fined', 'released', 'throttled', 'banned', 'open-sourced'],
    metrics: ['Market share', 'Revenue growth', 'Cloud revenue', 'The share of users affected'],
    money: ['the acquisition', 'a data center', 'AI research', 'the fine', 'chip factories'],
    scare: ['hallucinations', 'move fast and break things', 'walled garden', 'dark patterns', 'AI winter'],
  },
  {
    name: 'energy',
    things: [
      { noun: 'households', events: ['without power', 'connected to the grid', 'facing higher bills'], mag: [3, 6.5] },
      { noun: 'barrels', events: ['produced per day', 'exported', 'stored'], mag: [4, 7] },
      { noun: 'megawatts', events: ['installed', 'added to the grid', 'lost'], mag: [2, 4.5] },
      { noun: 'turbines', events: ['installed', 'ordered', 'decommissioned'], mag: [1.5, 3.5] },
      { noun: 'power plants', events: ['shut down', 'damaged', 'built'], mag: [0.7, 2] },
    ],
    orgs: ['the International Energy Agency', 'OPEC', 'the grid operator', 'the Energy Ministry', 'Shell', 'Gazprom', 'Ukrenergo',
      'the utility regulator', 'the U.S. Energy Information Administration', 'Saudi Aramco'],
    roles: ['energy minister', 'chief executive', 'grid director', 'analyst', 'Dr.', 'climate envoy'],
    nouns: ['pipeline', 'oil prices', 'gas supplies', 'renewables', 'solar power', 'wind farm', 'nuclear reactor', 'grid', 'blackout',
      'emissions', 'carbon tax', 'electricity prices', 'refinery', 'liquefied natural gas', 'battery storage', 'heat pumps', 'coal'],
    adjectives: ['renewable', 'fossil', 'nuclear', 'offshore', 'volatile', 'low-carbon', 'strained', 'rolling', 'domestic', 'green'],
    verbs: ['cut', 'raised', 'restored', 'halted', 'resumed', 'rationed', 'approved', 'commissioned', 'curtailed', 'diverted'],
    metrics: ['The share of renewables', 'Gas storage', 'Electricity prices', 'Oil output', 'Emissions'],
    money: ['the pipeline', 'offshore wind', 'grid repairs', 'energy subsidies'],
    scare: ['energy weapon', 'green transition', 'peak oil', 'windfall', 'drill, baby, drill'],
  },
  {
    name: 'transport',
    things: [
      { noun: 'flights', events: ['cancelled', 'delayed', 'diverted'], mag: [2, 4.5] },
      { noun: 'passengers', events: ['stranded', 'affected', 'carried'], mag: [3, 7] },
      { noun: 'vehicles', events: ['recalled', 'sold', 'registered'], mag: [3, 7] },
      { noun: 'trains', events: ['cancelled', 'delayed', 'ordered'], mag: [1.5, 3.5] },
      { noun: 'ships', events: ['diverted', 'attacked', 'waiting to cross'], mag: [1, 3] },
    ],
    orgs: ['the aviation authority', 'the Transport Ministry', 'Boeing', 'Airbus', 'the rail operator', 'the port authority',
      'the National Transportation Safety Board', 'the Suez Canal Authority', 'Tesla Inc.', 'the airline'],
    roles: ['transport minister', 'chief executive', 'union leader', 'safety investigator', 'airport director', 'Capt.'],
    nouns: ['airport', 'strike', 'timetable', 'railway', 'high-speed line', 'motorway', 'shipping lane', 'electric cars', 'congestion',
      'safety review', 'air traffic control', 'fuel prices', 'recall', 'infrastructure', 'bridge', 'tunnel', 'canal', 'freight'],
    adjectives: ['grounded', 'congested', 'electric', 'autonomous', 'delayed', 'overcrowded', 'high-speed', 'regional'],
    verbs: ['grounded', 'suspended', 'rerouted', 'reopened', 'closed', 'inspected', 'ordered', 'scrapped', 'resumed', 'delayed'],
    metrics: ['Passenger numbers', 'Punctuality', 'The share of electric cars in new sales', 'Freight volumes'],
    money: ['the new rail line', 'the bridge', 'airport expansion', 'the fleet renewal'],
    scare: ['summer of chaos', 'range anxiety', 'white elephant', 'gridlock'],
  },
  {
    name: 'agriculture',
    things: [
      { noun: 'tonnes of grain', events: ['exported', 'harvested', 'shipped'], mag: [5, 7.5] },
      { noun: 'farmers', events: ['protested', 'affected', 'compensated'], mag: [2, 5] },
      { noun: 'cattle', events: ['culled', 'exported', 'vaccinated'], mag: [3, 6] },
      { noun: 'hectares of farmland', events: ['planted', 'lost to drought', 'irrigated'], mag: [3, 6] },
    ],
    orgs: ['the Agriculture Ministry', 'the Food and Agriculture Organization', 'the World Food Programme', 'the farmers’ union',
      'the grain exchange', 'Cargill', 'the U.S. Department of Agriculture'],
    roles: ['agriculture minister', 'farmers’ union leader', 'agronomist', 'Dr.', 'commodity trader'],
    nouns: ['harvest', 'wheat', 'maize', 'fertilizer', 'food prices', 'grain corridor', 'livestock', 'crop yields', 'irrigation',
      'pesticides', 'rice', 'soybeans', 'food security', 'export ban', 'subsidies', 'famine', 'locusts', 'cooperatives'],
    adjectives: ['arable', 'organic', 'parched', 'bumper', 'meagre', 'rural', 'seasonal', 'subsistence', 'fertile'],
    verbs: ['harvested', 'exported', 'banned', 'subsidized', 'planted', 'irrigated', 'rationed', 'stockpiled', 'imported'],
    metrics: ['Food inflation', 'The wheat harvest', 'Crop yields', 'Fertilizer prices'],
    money: ['farm subsidies', 'food aid', 'irrigation', 'the grain deal'],
    scare: ['breadbasket', 'food weapon', 'farm to fork', 'green deal'],
  },
  {
    name: 'education',
    things: [
      { noun: 'students', events: ['enrolled', 'affected', 'graduated'], mag: [3, 7] },
      { noun: 'schools', events: ['closed', 'reopened', 'built'], mag: [1.5, 4.5] },
      { noun: 'teachers', events: ['on strike', 'hired', 'leaving the profession'], mag: [2, 5.5] },
      { noun: 'universities', events: ['ranked', 'affected', 'merged'], mag: [1, 2.5] },
    ],
    orgs: ['the Education Ministry', 'UNESCO', 'the teachers’ union', 'the school board', 'the university council', 'the exam regulator'],
    roles: ['education minister', 'Prof.', 'school principal', 'union leader', 'Dr.', 'vice chancellor'],
    nouns: ['curriculum', 'exams', 'tuition fees', 'scholarships', 'literacy', 'classroom', 'remote learning', 'attendance',
      'graduates', 'research funding', 'student loans', 'admissions', 'school meals', 'vocational training', 'campus'],
    adjectives: ['academic', 'primary', 'secondary', 'overcrowded', 'underfunded', 'public', 'private', 'international'],
    verbs: ['reformed', 'closed', 'funded', 'cut', 'expanded', 'scrapped', 'introduced', 'postponed', 'accredited'],
    metrics: ['The literacy rate', 'The graduation rate', 'Attendance', 'The pass rate', 'Tuition fees'],
    money: ['school repairs', 'scholarships', 'teacher pay', 'research grants'],
    scare: ['learning loss', 'grade inflation', 'culture war', 'woke'],
  },
  {
    name: 'migration',
    things: [
      { noun: 'migrants', events: ['rescued', 'detained', 'crossed the border', 'deported'], mag: [2, 5.5] },
      { noun: 'refugees', events: ['registered', 'resettled', 'fled'], mag: [3, 6.7] },
      { noun: 'asylum applications', events: ['filed', 'rejected', 'approved'], mag: [3, 5.5] },
      { noun: 'boats', events: ['intercepted', 'capsized', 'arrived'], mag: [1, 3] },
    ],
    orgs: ['the U.N. refugee agency', 'the International Organization for Migration', 'Frontex', 'the Interior Ministry',
      'the border police', 'U.S. Customs and Border Protection', 'the Home Office'],
    roles: ['interior minister', 'border chief', 'Home Secretary', 'aid worker', 'spokesperson for the UNHCR'],
    nouns: ['border', 'asylum', 'deportation', 'smugglers', 'camp', 'visa', 'crossing', 'detention center', 'resettlement',
      'integration', 'humanitarian corridor', 'quota', 'work permits', 'citizenship'],
    adjectives: ['undocumented', 'irregular', 'humanitarian', 'overcrowded', 'perilous', 'temporary', 'unaccompanied'],
    verbs: ['deported', 'detained', 'rescued', 'registered', 'processed', 'resettled', 'turned back', 'sheltered'],
    metrics: ['The approval rate for asylum claims', 'Irregular crossings', 'The share of unaccompanied minors'],
    money: ['border security', 'reception centers', 'humanitarian aid', 'resettlement'],
    scare: ['invasion', 'pull factor', 'fortress Europe', 'stop the boats'],
  },
  {
    name: 'justice',
    things: [
      { noun: 'people', events: ['arrested', 'charged', 'convicted'], mag: [1, 3.7] },
      { noun: 'prisoners', events: ['released', 'pardoned', 'transferred'], mag: [1.5, 4] },
      { noun: 'cases', events: ['filed', 'dismissed', 'pending'], mag: [2, 5] },
      { noun: 'officers', events: ['deployed', 'suspended', 'injured'], mag: [1.5, 4] },
    ],
    orgs: ['the prosecutor’s office', 'the police', 'the Justice Department', 'the FBI', 'Interpol', 'the anti-corruption bureau',
      'the International Criminal Court', 'the appeals court'],
    roles: ['prosecutor', 'police chief', 'Judge', 'defense lawyer', 'Attorney General', 'Det.'],
    nouns: ['trial', 'verdict', 'indictment', 'investigation', 'fraud', 'bribery', 'sentence', 'appeal', 'warrant', 'evidence',
      'testimony', 'plea deal', 'money laundering', 'extradition', 'jury', 'cybercrime'],
    adjectives: ['alleged', 'criminal', 'fraudulent', 'landmark', 'unanimous', 'lengthy', 'federal', 'organized'],
    verbs: ['charged', 'convicted', 'acquitted', 'sentenced', 'extradited', 'indicted', 'raided', 'seized', 'appealed'],
    metrics: ['The conviction rate', 'Violent crime', 'The clearance rate'],
    money: ['the fraud', 'seized assets', 'bribes', 'the settlement'],
    scare: ['lawfare', 'tough on crime', 'two-tier justice', 'weaponization'],
  },
];

const GENERAL_NOUNS = ['officials', 'analysts', 'observers', 'residents', 'critics', 'experts', 'diplomats', 'authorities', 'leaders',
  'the government', 'the report', 'the decision', 'the move', 'the situation', 'the plan', 'the region', 'the talks', 'the figures',
  'the data', 'the estimate', 'the statement', 'the announcement', 'the crisis', 'the measures', 'the proposal', 'the assessment',
  'the review', 'the agreement', 'the dispute', 'the incident', 'the warning', 'the findings', 'the response'];
const GENERAL_ADJ = ['significant', 'broader', 'growing', 'serious', 'recent', 'new', 'major', 'limited', 'long-term', 'immediate',
  'substantial', 'political', 'economic', 'international', 'regional', 'national', 'local', 'urgent', 'uncertain', 'fragile',
  'key', 'sharp', 'steady', 'modest', 'dramatic', 'dire', 'notable', 'considerable', 'ongoing', 'previous'];
const SAY = ['said', 'stated', 'noted', 'added', 'warned', 'told reporters', 'remarked', 'explained', 'argued', 'insisted',
  'acknowledged', 'emphasized', 'declared', 'wrote on social media', 'told a news conference'];
const SAY_THAT = ['said', 'noted', 'warned', 'argued', 'acknowledged', 'suggested', 'estimated', 'reported', 'indicated', 'claimed'];
const ADVERBS = ['sharply', 'steadily', 'quickly', 'gradually', 'significantly', 'reportedly', 'largely', 'already', 'repeatedly',
  'increasingly', 'reluctantly', 'openly', 'privately', 'formally', 'abruptly'];
const TIME_TAILS = ['in recent weeks', 'over the weekend', 'earlier this year', 'in the coming months', 'this week', 'since the spring',
  'for the first time', 'amid growing pressure', 'despite the setbacks', 'after months of talks', 'at a press briefing', 'overnight'];
const CONNECTORS = ['Meanwhile,', 'However,', 'Still,', 'At the same time,', 'In addition,', 'Separately,', 'By contrast,', 'Even so,',
  'For now,', 'Nonetheless,', 'In a statement,', 'Earlier,'];
const OUTLETS = ['Reuters', 'the Associated Press', 'the BBC', 'Al Jazeera', 'the Financial Times', 'Bloomberg', 'Le Monde',
  'Yonhap', 'Kyodo News', 'Der Spiegel', 'The Guardian', 'CNN', 'Live Mint', 'The Hindu', 'El País'];
const BOILERPLATE = [
  'Catch all the Business News, Breaking News Events and Latest News Updates on Live Mint. Download The Mint News App to get Daily Market Updates.',
  'This article was produced with reporting from wire services.',
  'Follow our live coverage for the latest updates.',
  'Copyright 2025. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
];

// ---------------------------------------------------------------------------------------------
// Numbers and dates in words

function withCommas(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

/** A realistic value in 10^lo .. 10^hi: usually rounded to one or two significant digits, sometimes exact. */
function value(g: Gen, mag: [number, number]): number {
  const v = Math.pow(10, mag[0] + g.rnd() * (mag[1] - mag[0]));
  const digits = Math.floor(Math.log10(v));
  const r = g.rnd();
  const sig = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
  const unit = Math.pow(10, Math.max(0, digits - sig + 1));
  return Math.max(2, Math.round(v / unit) * unit);
}

/** "3,000", "1.2 million", "3.5 billion". */
function numberWords(g: Gen, n: number): string {
  if (n >= 1e9 && n % 1e8 === 0) return `${trimZero(n / 1e9)} billion`;
  if (n >= 1e6 && n % 1e5 === 0) return `${trimZero(n / 1e6)} million`;
  if (n >= 1e6 && g.chance(0.5)) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  return withCommas(n);
}
function trimZero(x: number): string {
  return x.toFixed(1).replace(/\.0$/, '');
}

const APPROX = ['approximately', 'about', 'around', 'roughly', 'an estimated', 'some'];
const LOWER = ['more than', 'over', 'at least', 'upwards of', 'in excess of'];
const UPPER = ['up to', 'as many as', 'fewer than', 'less than', 'at most'];
const NEAR = ['nearly', 'almost', 'close to'];
const VAGUE: [string, number][] = [['tens of thousands of', 1e4], ['thousands of', 1e3], ['hundreds of', 1e2], ['dozens of', 12],
  ['hundreds of thousands of', 1e5], ['millions of', 1e6]];

/** A figure with its counted thing: "approximately 11,000 soldiers", "between 10,000 and 12,000 troops". */
function figure(g: Gen, thing: Thing): string {
  const v = value(g, thing.mag);
  const r = g.rnd();
  if (r < 0.22) return `${numberWords(g, v)} ${thing.noun}`;
  if (r < 0.4) return `${g.pick(APPROX)} ${numberWords(g, v)} ${thing.noun}`;
  if (r < 0.56) return `${g.pick(LOWER)} ${numberWords(g, v)} ${thing.noun}`;
  if (r < 0.66) return `${g.pick(UPPER)} ${numberWords(g, v)} ${thing.noun}`;
  if (r < 0.74) return `${g.pick(NEAR)} ${numberWords(g, v)} ${thing.noun}`;
  if (r < 0.9) {
    const unit = Math.pow(10, Math.max(0, Math.floor(Math.log10(v)) - 1));
    const hi = v + unit * g.int(1, 6) * (v / unit >= 50 ? 2 : 1);
    const a = numberWords(g, v);
    const b = numberWords(g, hi);
    const form = a.includes('illion') ? g.int(0, 1) : g.int(0, 2);
    if (form === 0) return `between ${a} and ${b} ${thing.noun}`;
    if (form === 1) return `${a} to ${b} ${thing.noun}`;
    return `${a}-${b} ${thing.noun}`;
  }
  const fitting = VAGUE.filter(([, m]) => m <= Math.pow(10, thing.mag[1]) && m >= Math.pow(10, thing.mag[0] - 1));
  const [phrase] = fitting.length > 0 ? g.pick(fitting) : (VAGUE[3] as [string, number]);
  return `${phrase} ${thing.noun}`;
}

function money(g: Gen): string {
  const cur = g.pick(['$', '$', '$', '£', '€', 'US$']);
  const r = g.rnd();
  if (r < 0.45) return `${cur}${trimZero(g.int(10, 990) / 10)} billion`;
  if (r < 0.85) return `${cur}${g.int(5, 950)} million`;
  return `${cur}${withCommas(value(g, [3, 5.5]))}`;
}

function percent(g: Gen): string {
  const v = g.chance(0.5) ? g.int(1, 60) : g.int(1, 300) / 10;
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return `${s}${g.pick(['%', '%', '%', ' percent', ' per cent'])}`;
}

interface Clock {
  year: number;
}

function date(g: Gen, c: Clock): string {
  const m = g.int(0, 11);
  const day = g.int(1, 28);
  const r = g.rnd();
  if (r < 0.2) return `on ${MONTHS[m]} ${day}`;
  if (r < 0.3) return `on ${MONTHS[m]} ${day}, ${c.year - g.int(0, 1)}`;
  if (r < 0.36) return `on ${MONTH_ABBR[m]} ${day}`;
  if (r < 0.4) return `on ${day} ${MONTHS[m]} ${c.year}`;
  if (r < 0.5) {
    const part = g.pick(['early ', 'late ', 'late ', 'mid-']);
    return `in ${part}${c.year - g.int(0, 2)}`;
  }
  if (r < 0.58) return `last ${MONTHS[m]}`;
  if (r < 0.63) return `this past ${MONTHS[m]}`;
  if (r < 0.76) return `on ${g.pick(WEEKDAYS)}${g.chance(0.2) ? g.pick([' night', ' morning', ' evening']) : ''}`;
  if (r < 0.84) return `on ${g.pick(HOLIDAYS)}`;
  if (r < 0.92) return `in ${MONTHS[m]} ${c.year - g.int(0, 3)}`;
  if (r < 0.96) return `at ${g.int(1, 11)} ${g.pick(['a.m.', 'p.m.'])} local time on ${g.pick(WEEKDAYS)}`;
  return `by the end of ${c.year + g.int(0, 2)}`;
}

const SCOPES = ['in the past week', 'within the last week', 'in the past 24 hours', 'daily', 'each day', 'over the past month',
  'last month', 'this year', 'since the start of the year', 'over the past decade', 'per year', 'in the first quarter'];

// ---------------------------------------------------------------------------------------------
// An article

interface Person {
  full: string; // "spokesperson for the National Security Council John Kirby" -> first mention
  last: string;
  mentioned: boolean;
}

/** A sentence with what it contains, so the draft can reuse or alter it. */
export interface GenSentence {
  text: string;
  kind: 'figure' | 'date' | 'quote' | 'scare' | 'filler';
}

interface Story {
  g: Gen;
  topic: Topic;
  second: Topic;
  country: string;
  other: string;
  city: string;
  localPlaces: string[];
  people: Person[];
  clock: Clock;
  main: Thing;
  mainValue: number;
  straight: boolean; // straight quote marks throughout
}

function inventName(g: Gen): string {
  let s = g.pick(SYLL) + g.pick(SYLL);
  if (g.chance(0.5)) s += g.pick(SYLL);
  s += g.pick(PLACE_SUFFIX);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function makePerson(g: Gen, topic: Topic): Person {
  const last = g.chance(0.25) ? inventName(g).replace(/(ivka|ovo|burg|ton|ville|abad|grad|dorf|pur|sk|ia|port|ford|ria)$/, 'enko') : g.zipf(LAST);
  const first = g.zipf(FIRST);
  const role = g.pick(topic.roles);
  const abbrevTitle = /\.$/.test(role) || ['President', 'Prime Minister', 'Judge', 'Rep.', 'Sen.'].includes(role);
  const full = abbrevTitle ? `${role} ${first} ${last}` : g.chance(0.5) ? `${first} ${last}, ${role}${g.chance(0.3) ? ` at ${g.pick(topic.orgs)}` : ''},` : `${role} ${first} ${last}`;
  return { full, last, mentioned: false };
}

/** The first mention names the person in full, later ones by last name. */
function speaker(s: Story, p: Person): string {
  if (p.mentioned) return p.last;
  p.mentioned = true;
  return p.full;
}

/** Rough plural test for agreement: "the heat pumps have", "the pipeline has". */
function isPlural(np: string): boolean {
  const last = np.split(' ').pop() ?? '';
  return /[^su]s$/.test(last) && !/(news|ss|sis|ics)$/.test(last);
}
function has(np: string): string {
  return `${np} ${isPlural(np) ? 'have' : 'has'}`;
}

/** Punctuation left over from templates: "X, role,." and doubled spaces; "a" before a vowel. */
function tidy(s: string): string {
  return s.replace(/,([.,])/g, '$1').replace(/ {2,}/g, ' ').replace(/\b([Aa]) ([aeiouAEIOU])/g, '$1n $2');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function nounPhrase(s: Story): string {
  const g = s.g;
  const t = g.chance(0.75) ? s.topic : s.second;
  const r = g.rnd();
  if (r < 0.4) return `the ${g.pick(t.nouns)}`;
  if (r < 0.7) return `the ${g.pick(t.adjectives)} ${g.pick(t.nouns)}`;
  if (r < 0.85) return `${g.pick(['a', 'the'])} ${g.pick(GENERAL_ADJ)} ${g.pick(t.nouns)}`.replace(/^a ([aeiou])/, 'an $1');
  return `${DEMONYMS[s.country] ?? s.country} ${g.pick(t.nouns)}`;
}

function placeWord(s: Story): string {
  const g = s.g;
  const r = g.rnd();
  if (r < 0.35) return s.country;
  if (r < 0.55) return s.city;
  if (r < 0.75) return g.pick(s.localPlaces);
  if (r < 0.9) return s.other;
  return g.zipf(CITIES);
}

function clause(s: Story): string {
  const g = s.g;
  const t = g.chance(0.8) ? s.topic : s.second;
  const r = g.rnd();
  if (r < 0.2) return `${g.pick(GENERAL_NOUNS)} ${g.pick(t.verbs)} ${nounPhrase(s)} in ${placeWord(s)}`;
  if (r < 0.35) {
    const np = nounPhrase(s);
    return `${np} ${isPlural(np) ? g.pick(['remain', 'became', 'appeared', 'seemed']) : g.pick(['remains', 'became', 'appeared', 'seemed'])} ${g.pick(GENERAL_ADJ)}`;
  }
  if (r < 0.5) return `${g.pick(t.orgs)} ${g.pick(t.verbs)} ${nounPhrase(s)} ${g.pick(TIME_TAILS)}`;
  if (r < 0.65) return `${nounPhrase(s)} ${g.pick(['could', 'may', 'would', 'will likely'])} ${g.pick(['reshape', 'undermine', 'strengthen', 'complicate', 'delay', 'accelerate', 'test', 'expose', 'deepen', 'ease'])} ${nounPhrase(s)}`;
  if (r < 0.8) return `${g.pick(GENERAL_NOUNS)} in ${placeWord(s)} ${g.adv()} ${g.pick(t.verbs)} ${nounPhrase(s)}`;
  return `${g.chance(0.5) ? has(nounPhrase(s)) : `${nounPhrase(s)} had`} ${g.pick(['drawn', 'raised', 'prompted', 'fueled', 'sparked', 'renewed'])} ${g.pick(['concerns about', 'questions over', 'criticism of', 'calls for', 'debate about', 'scrutiny of'])} ${nounPhrase(s)}`;
}

function filler(s: Story): string {
  const g = s.g;
  const r = g.rnd();
  if (r < 0.25) return `${cap(clause(s))}.`;
  if (r < 0.4) return `${g.pick(CONNECTORS)} ${clause(s)}.`;
  if (r < 0.55) return `${cap(clause(s))}, ${g.pick(['while', 'as', 'although', 'even as', 'because'])} ${clause(s)}.`;
  if (r < 0.68) return `${cap(g.pick(GENERAL_NOUNS))} ${g.pick(SAY_THAT)} that ${clause(s)}, ${g.pick(['adding that', 'and that', 'noting that'])} ${clause(s)}.`;
  if (r < 0.78) return `According to ${g.pick(OUTLETS)}, ${clause(s)}.`;
  if (r < 0.88) return `${cap(clause(s))}—${g.pick(['a reality', 'a shift', 'a development', 'a trend'])} ${g.pick(['evidenced by', 'underscored by', 'reflected in'])} ${nounPhrase(s)}.`;
  return `The ${g.pick(GENERAL_ADJ)} ${g.pick(s.topic.nouns)} in ${placeWord(s)} ${g.pick(['highlights', 'underscores', 'reflects', 'illustrates'])} ${nounPhrase(s)}, ${g.pick(['analysts say', 'observers note', 'officials concede', 'experts warn'])}.`;
}

function figureSentence(s: Story): string {
  const g = s.g;
  const t = g.chance(0.8) ? s.topic : s.second;
  const thing = g.chance(0.35) ? s.main : g.pick(t.things);
  const fig = thing === s.main && g.chance(0.5) ? mainFigure(s) : figure(g, thing);
  const ev = g.pick(thing.events);
  const scope = g.chance(0.45) ? ` ${g.pick(SCOPES)}` : '';
  const org = g.pick(t.orgs);
  const r = g.rnd();
  if (r < 0.16) return `${cap(org)} reported ${fig} ${ev}${scope}.`;
  if (r < 0.3) return `Estimates suggest ${fig} have been ${ev}${scope}, ${g.pick(['according to', 'citing'])} ${org}.`;
  if (r < 0.42) return `${cap(speaker(s, g.pick(s.people)))} ${g.pick(SAY_THAT)} that ${fig} were ${ev}${scope}.`;
  if (r < 0.52) return `${cap(org)} ${g.pick(['put the figure at', 'estimated', 'counted'])} ${fig}${scope}, ${g.pick(['well above', 'lower than', 'in line with', 'roughly double'])} earlier estimates.`;
  if (r < 0.62) {
    const t2 = g.pick(t.things);
    return `${cap(DEMONYMS[s.country] ?? s.country)} officials said ${fig} and ${figure(g, t2)} were ${ev} ${date(g, s.clock)}.`;
  }
  if (r < 0.72) return `${cap(g.pick(t.metrics))} ${g.pick(['rose', 'fell', 'climbed', 'dropped', 'reached', 'stood at', 'rose to', 'fell to'])} ${percent(g)}${scope}, ${g.pick(['up from', 'down from', 'compared with'])} ${percent(g)} a year earlier.`;
  if (r < 0.82) return `${cap(org)} ${g.pick(['pledged', 'approved', 'announced', 'allocated', 'spent'])} ${money(g)} ${g.pick(['for', 'on', 'toward'])} ${g.pick(t.money)}${g.chance(0.4) ? ` ${date(g, s.clock)}` : ''}.`;
  if (r < 0.9) return `${cap(g.pick(['nearly half of', 'about a third of', 'two-thirds of', 'a quarter of', 'more than half of']))} the ${thing.noun} ${g.pick(['were', 'have been'])} ${ev}, ${g.pick(['officials said', 'the report found', 'according to preliminary data'])}.`;
  return `${cap(placeWord(s))} ${g.pick(['saw', 'recorded', 'reported'])} ${fig} ${ev} ${date(g, s.clock)}, ${g.pick(['the highest', 'the lowest', 'the first such', 'a sharp'])} ${g.pick(['figure', 'total', 'tally', 'increase'])} ${g.pick(['in years', 'since records began', 'this year', 'on record'])}.`;
}

/** The story's main figure, restated in a form consistent with its value, as articles do. */
function mainFigure(s: Story): string {
  const g = s.g;
  const v = s.mainValue;
  const w = numberWords(g, v);
  const r = g.rnd();
  if (r < 0.3) return `${g.pick(APPROX)} ${w} ${s.main.noun}`;
  if (r < 0.5) return `${w} ${s.main.noun}`;
  if (r < 0.75) return `${g.pick(LOWER)} ${numberWords(g, roundDown(v))} ${s.main.noun}`;
  return `${g.pick(NEAR)} ${w} ${s.main.noun}`;
}
function roundDown(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return Math.max(1, Math.floor(v / p) * p);
}

function dateSentence(s: Story): string {
  const g = s.g;
  const t = s.topic;
  const d = date(g, s.clock);
  const r = g.rnd();
  if (r < 0.25) return `${cap(g.pick(t.orgs))} ${g.pick(t.verbs)} ${nounPhrase(s)} ${d}.`;
  if (r < 0.45) return `The ${g.pick(t.nouns)}, which began ${d.replace(/^(on|in) /, '')}, has prompted ${nounPhrase(s)} in ${placeWord(s)}.`;
  if (r < 0.6) return `${cap(speaker(s, g.pick(s.people)))} addressed the situation ${d}, ${g.pick(['citing', 'pointing to', 'describing'])} ${nounPhrase(s)}.`;
  if (r < 0.75) return `${cap(s.country)} and ${s.other} signed ${g.pick(['a', 'the'])} ${g.pick(['pact', 'agreement', 'memorandum', 'deal', 'treaty'])} on ${g.pick(t.nouns)} ${d}.`;
  if (r < 0.88) return `${cap(nounPhrase(s))} ${g.pick(['is expected', 'is due', 'was scheduled'])} to ${g.pick(['resume', 'conclude', 'begin', 'take effect'])} ${d}.`;
  if (!/^(on|in) /.test(d)) return `${cap(clause(s))} ${d}.`;
  return `${g.pick(['Since', 'Until', 'Before'])} ${d.replace(/^(on|in) /, '')}, ${clause(s)}.`;
}

function quoteBody(s: Story): string {
  const g = s.g;
  const t = s.topic;
  const parts = [
    () => `We ${g.pick(['see', 'know', 'expect', 'cannot ignore', 'are monitoring'])} ${nounPhrase(s)} ${g.pick(TIME_TAILS)}`,
    () => `${cap(nounPhrase(s))} ${g.pick(['is', 'remains', 'has become'])} ${g.pick(GENERAL_ADJ)}, ${g.pick(['very', 'extremely', 'deeply'])} ${g.pick(GENERAL_ADJ)}`,
    () => `There is no ${g.pick(t.nouns)} that ${g.pick(['justifies', 'explains', 'can replace'])} ${nounPhrase(s)}`,
    () => `It is clear that ${g.pick(t.orgs)} ${g.pick(['has', 'have'])} ${g.pick(['failed to', 'chosen to', 'been unable to', 'decided to'])} ${g.pick(['address', 'fund', 'stop', 'protect', 'explain'])} ${nounPhrase(s)}`,
    () => `Our ${g.pick(['people', 'teams', 'partners', 'forces', 'colleagues'])} ${g.pick(['are doing', 'have done', 'will do'])} everything possible to ${g.pick(['contain', 'support', 'restore', 'defend', 'rebuild'])} ${nounPhrase(s)}`,
    () => `The number of ${g.pick(t.things).noun} ${g.pick(['already exceeds', 'has passed', 'is approaching'])} ${numberWords(g, value(g, s.main.mag))}`,
    () => `They have suffered [${g.pick(['great', 'heavy', 'serious'])}] ${g.pick(['losses', 'damage', 'setbacks'])} and we see ${nounPhrase(s)} ${g.pick(['showing little concern', 'getting worse', 'changing quickly'])}`,
  ];
  let body = g.pick(parts)();
  if (g.chance(0.35)) {
    const more = g.pick(parts)();
    body += g.chance(0.3) ? `… ${more}` : `, ${more.charAt(0).toLowerCase()}${more.slice(1)}`;
  }
  return cap(body);
}

function quoteSentence(s: Story): string {
  const g = s.g;
  const [o, c] = s.straight ? ['"', '"'] : ['“', '”'];
  const who = speaker(s, g.pick(s.people));
  const body = quoteBody(s);
  const say = g.pick(SAY);
  const r = g.rnd();
  if (r < 0.3) return `${cap(who)} ${say}, ${o}${body}.${c}`;
  if (r < 0.55) return `${o}${body},${c} ${who} ${say}.`;
  if (r < 0.65) return `${o}${body},${c} ${g.pick(['said', 'added', 'remarked'])} ${who}.`;
  if (r < 0.75) return `As ${who} put it, ${o}${body}.${c}`;
  if (r < 0.85) return `${cap(who)} ${say}, ${o}${body},${c} ${g.pick(['describing', 'referring to', 'pointing to'])} ${nounPhrase(s)}.`;
  if (r < 0.93) return `${o}${body}.${c} ${cap(g.pick(['the remarks came', 'the comments followed', 'the statement came']))} ${date(g, s.clock)}, ${who} ${g.pick(['said', 'added'])}.`;
  return `${cap(who)} ${g.pick(['described', 'called'])} ${nounPhrase(s)} ${g.pick(['as', ''])} ${o}${g.pick(GENERAL_ADJ)}, ${g.pick(GENERAL_ADJ)}${c} ${g.pick(['in a statement', 'during a briefing', 'in an interview'])}.`.replace('  ', ' ');
}

function scareSentence(s: Story): string {
  const g = s.g;
  const [o, c] = s.straight ? ['"', '"'] : ['“', '”'];
  const phrase = g.pick(s.topic.scare);
  const r = g.rnd();
  if (r < 0.35) return `${cap(g.pick(GENERAL_NOUNS))} described ${nounPhrase(s)} as a ${o}${phrase}${c} ${g.pick(['approach', 'strategy', 'moment', 'problem'])}.`;
  if (r < 0.65) return `Critics dismissed what ${g.pick(s.topic.orgs)} called ${o}${phrase}${c} as ${g.pick(GENERAL_ADJ)} rhetoric.`;
  return `The so-called ${o}${phrase}${c} has ${g.pick(['dominated', 'shaped', 'complicated'])} ${nounPhrase(s)} ${g.pick(TIME_TAILS)}.`;
}

function newStory(g: Gen): Story {
  const topic = g.zipf(TOPICS);
  let second = g.pick(TOPICS);
  if (second === topic) second = TOPICS[(TOPICS.indexOf(topic) + 1) % TOPICS.length] as Topic;
  const country = g.zipf(COUNTRIES);
  let other = g.pick(COUNTRIES);
  if (other === country) other = 'the United States';
  const localPlaces = [inventName(g), inventName(g), inventName(g)];
  const people: Person[] = [];
  const nPeople = g.int(2, 4);
  for (let i = 0; i < nPeople; i++) people.push(makePerson(g, i === 0 ? topic : g.chance(0.7) ? topic : second));
  const main = g.pick(topic.things);
  return {
    g, topic, second, country, other, city: g.zipf(CITIES), localPlaces, people, clock: { year: g.int(2021, 2026) }, main,
    mainValue: value(g, main.mag), straight: g.chance(0.25),
  };
}

function lede(s: Story): string {
  const g = s.g;
  const dem = DEMONYMS[s.country] ?? s.country;
  const ev = g.pick(s.main.events);
  const np = g.chance(0.5) ? `The ${g.pick(s.topic.nouns)} in ${s.country}` : `${dem} ${g.pick(s.topic.nouns)}`;
  return `${has(np)} ${g.pick(['left', 'seen', 'resulted in'])} ${mainFigure(s)} ${ev}${g.chance(0.4) ? ` ${g.pick(SCOPES)}` : ''}, ${g.chance(0.6) ? `according to ${g.pick(s.topic.orgs)}` : `${g.pick(s.topic.orgs)} said`}${g.chance(0.5) ? `, as ${clause(s)}` : ''}.`;
}

/** An article as paragraphs of sentences (the draft reuses them). */
function buildArticle(g: Gen, targetBytes: number): GenSentence[][] {
  const s = newStory(g);
  const paragraphs: GenSentence[][] = [[{ text: tidy(lede(s)), kind: 'figure' }, { text: tidy(filler(s)), kind: 'filler' }]];
  let bytes = byteLength(paragraphs[0]!.map((x) => x.text).join(' '));
  while (bytes < targetBytes - 150) {
    const para: GenSentence[] = [];
    const n = g.int(2, 5);
    for (let i = 0; i < n && bytes < targetBytes - 150; i++) {
      const r = g.rnd();
      const sent: GenSentence = r < 0.36 ? { text: filler(s), kind: 'filler' }
        : r < 0.62 ? { text: figureSentence(s), kind: 'figure' }
          : r < 0.78 ? { text: quoteSentence(s), kind: 'quote' }
            : r < 0.92 ? { text: dateSentence(s), kind: 'date' }
              : { text: scareSentence(s), kind: 'scare' };
      sent.text = tidy(sent.text);
      para.push(sent);
      bytes += byteLength(sent.text) + 1;
    }
    if (para.length > 0) paragraphs.push(para);
  }
  if (g.chance(0.08)) paragraphs[paragraphs.length - 1]!.push({ text: g.pick(BOILERPLATE), kind: 'filler' });
  return paragraphs;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function articleGen(seed: number, i: number): Gen {
  return new Gen(mulberry32(mix(seed, i)));
}

function renderArticle(g: Gen, paragraphs: GenSentence[][]): string {
  // Seeds separate paragraphs with single line breaks; some outlets use blank lines.
  const sep = g.chance(0.7) ? '\n' : '\n\n';
  return paragraphs.map((p) => p.map((x) => x.text).join(' ')).join(sep) + (g.chance(0.5) ? '\n' : '');
}

function articleAt(seed: number, i: number): { id: string; text: string; paragraphs: GenSentence[][] } {
  const g = articleGen(seed, i);
  const id = `${String(i).padStart(5, '0')}_${g.hex(16)}.txt`;
  const target = 4100 + Math.floor(g.rnd() * 2000);
  const paragraphs = buildArticle(g, target);
  return { id, text: renderArticle(g, paragraphs), paragraphs };
}

/** `count` articles of about 5 KB each. Article i depends only on (seed, i). */
export function generateArticles(count: number, seed: number = DEFAULT_SEED): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const a = articleAt(seed, i);
    out.push({ id: a.id, text: a.text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The draft

/** Words as a reader counts them: whitespace-separated tokens with a letter or digit (not "#", ">", "-"). */
export function countWords(text: string): number {
  let n = 0;
  for (const tok of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(tok)) n++;
  return n;
}

const ALT_WORDS = ['rescue', 'capture', 'support', 'protect', 'defend', 'ignore', 'reject', 'accept', 'expand', 'reduce'];

/** Alters a sentence so that it disagrees with its source: another number, date, word of a quote or speaker. */
function alter(g: Gen, sent: GenSentence, people: string[]): string {
  const t = sent.text;
  if (sent.kind === 'quote') {
    const m = /[“"]([^”"]+)[”"]/.exec(t);
    if (m && g.chance(0.6)) {
      const words = (m[1] as string).split(' ');
      const k = words.findIndex((w, i) => i > 0 && /^[a-z]{5,}$/.test(w));
      if (k > 0) {
        words[k] = g.pick(ALT_WORDS);
        return t.replace(m[1] as string, words.join(' '));
      }
    }
    // Misattribute: credit the words to someone else.
    const who = people.find((p) => t.includes(p));
    if (who) return t.replace(who, g.pick(LAST.filter((l) => l !== who)));
  }
  const monthDay = new RegExp(`\\b(${[...MONTHS, ...MONTH_ABBR].join('|').replace(/\./g, '\\.')}) (\\d{1,2})\\b`);
  const md = monthDay.exec(t);
  if (sent.kind === 'date' && md) {
    const day = Number(md[2]);
    return t.replace(md[0], `${md[1]} ${day > 20 ? day - 7 : day + 3}`);
  }
  const numbers = /\d[\d,]*(\.\d+)?/g;
  let num: RegExpExecArray | null;
  while ((num = numbers.exec(t)) !== null) {
    const before = t.slice(Math.max(0, num.index - 6), num.index);
    const isDate = /^(19|20)\d\d$/.test(num[0]) || /[A-Z][a-z]*\.? $/.test(before) || /^ [ap]\.m\./.test(t.slice(num.index + num[0].length));
    if (isDate) continue;
    const v = Number(num[0].replace(/,/g, ''));
    const nv = v * g.pick([1.3, 1.5, 2, 0.6, 0.75]);
    const s = num[0].includes('.') ? nv.toFixed(1) : num[0].includes(',') || nv >= 1000 ? withCommas(roundDown(nv) + (nv >= 10000 ? 5000 : 0)) : String(Math.max(1, Math.round(nv)));
    if (s === num[0]) continue;
    return t.slice(0, num.index) + s + t.slice(num.index + num[0].length);
  }
  const wd = WEEKDAYS.find((w) => t.includes(w));
  if (wd) return t.replace(wd, WEEKDAYS[(WEEKDAYS.indexOf(wd) + 2) % 7] as string);
  const mo = MONTHS.find((w) => t.includes(w));
  if (mo) return t.replace(mo, MONTHS[(MONTHS.indexOf(mo) + 3) % 12] as string);
  return t;
}

/**
 * A Markdown draft of about `words` words: headings, paragraphs, a list, block quotes; figures, dates and
 * quotations copied from the first DRAFT_POOL generated articles (agreeing), altered (disagreeing), or new
 * (unsupported), mixed with connecting prose. Uses the same seed as the corpus it is checked against.
 */
export function generateDraft(words: number, seed: number = DEFAULT_SEED): string {
  const g = new Gen(mulberry32(mix(seed, 0x7fffffff)));
  const pool = Array.from({ length: DRAFT_POOL }, (_, i) => articleAt(seed, i));
  const claimSentences: GenSentence[] = [];
  for (const a of pool) for (const p of a.paragraphs) for (const x of p) if (x.kind !== 'filler') claimSentences.push(x);
  const own = newStory(new Gen(mulberry32(mix(seed, 0x7ffffffe))));
  const lines: string[] = [];
  let count = 0;
  const add = (line: string): void => {
    lines.push(line);
    count += countWords(line);
  };
  add(`# ${cap(g.pick(own.topic.nouns))} and ${g.pick(own.second.nouns)}: what the numbers say`);
  add('');
  let section = 0;
  let paraInSection = 99;
  while (count < words) {
    if (paraInSection >= g.int(3, 5)) {
      section++;
      paraInSection = 0;
      add(`## ${cap(g.pick(g.chance(0.5) ? own.topic.nouns : own.second.nouns))} ${g.pick(['in numbers', 'on the ground', 'and its critics', 'so far', 'by the figures', 'ahead'])}`);
      add('');
    }
    const r = g.rnd();
    const sentences: string[] = [];
    const claim = (): string => {
      const src = g.pick(claimSentences);
      const rr = g.rnd();
      if (rr < 0.5) return src.text; // agrees with its source
      if (rr < 0.8) return alter(g, src, LAST); // contradicts it
      return tidy(src.kind === 'quote' ? quoteSentence(own) : figureSentence(own)); // unsupported (or matches by chance)
    };
    if (r < 0.08 && section > 0) {
      for (let i = 0; i < g.int(3, 5); i++) add(`- ${claim()}`);
      add('');
      paraInSection++;
      continue;
    }
    if (r < 0.13) {
      add(`> ${g.pick(claimSentences.filter((x) => x.kind === 'quote')).text}`);
      add('');
      continue;
    }
    const n = g.int(3, 6);
    for (let i = 0; i < n; i++) {
      if (count + countWords(sentences.join(' ')) >= words) break;
      sentences.push(g.chance(0.45) ? claim() : tidy(g.chance(0.3) ? dateSentence(own) : filler(own)));
    }
    if (sentences.length > 0) add(sentences.join(' '));
    add('');
    paraInSection++;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The on-disk cache: .cache/bench/<size>/ with one .txt per article and a manifest

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  count: number;
  bytes: number;
}

/** Writes `count` articles to `dir` unless it already holds them from this generator version and seed. */
export function ensureCorpus(dir: string, count: number, seed: number = DEFAULT_SEED): CorpusManifest {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
      if (m.generatorVersion === GENERATOR_VERSION && m.seed === seed && m.count === count &&
        readdirSync(dir).filter((f) => f.endsWith('.txt')).length === count) return m;
    } catch {
      // fall through and regenerate
    }
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const a = articleAt(seed, i);
    writeFileSync(join(tmp, a.id), a.text);
    bytes += byteLength(a.text);
  }
  const manifest: CorpusManifest = { generatorVersion: GENERATOR_VERSION, seed, count, bytes };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return manifest;
}
