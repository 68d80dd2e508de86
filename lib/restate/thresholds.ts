/**
 * Restatement-tier thresholds, with the trade-off each makes. Measured on tests/fixtures/restate
 * (`npm run bench:restate`; the team's own fixtures: 156 restated statements on 10 pages reporting
 * a story, 7 hard negatives, 3 pages of bad input, plus the first tier's 12 pages), one threshold
 * varied at a time, the others as set here. At these settings: 71.8% of statements found
 * (highlighted, either tier), 1 false highlight and 1 false "possibly related" entry on pages with
 * a story, nothing at all on hard negatives and bad input, every story right.
 *
 * The fixtures were written while the tier was built, so every figure below is an upper bound; the
 * trade-offs (which way a threshold moves what) generalise better than the levels. Where a
 * threshold made no difference on the fixtures it says so: nothing here has tested it.
 */

// ---------------------------------------------------------------- term weights (compile time)

/**
 * Common news words (lexicon.COMMON_EN) count this much of their idf. 0.25: 71.2% found; 0.5:
 * 71.8%; 1: 72.4%, false matches unchanged. Kept below 1 although 1 found one statement more: the
 * idf comes from 88 claims, not from news text, and calls "company" or "year" rare.
 */
export const COMMON_WEIGHT = 0.5;

/** BM25's k1 (term frequency saturation; sentences rarely repeat a content word, so it matters little). */
export const BM25_K1 = 1.2;

/**
 * BM25's b (length normalisation). 0.5: 67.9% found, 2 false highlights, one story wrong; 0.75:
 * 71.8%, 1; 0.9: 71.8%, 2. The usual value was the best measured.
 */
export const BM25_B = 0.75;

/**
 * A window shorter than the claim may gain at most this factor from BM25's length normalisation
 * (a headline or a summary sentence restating a long claim). 1 (no gain): 67.9% found and one
 * story wrong; 1.25: 71.8%; 1.5: 72.4%, false matches unchanged. Kept at 1.25: short windows are
 * also where few shared words weigh most.
 */
export const MAX_LENGTH_GAIN = 1.25;

// ---------------------------------------------------------------- windows

/**
 * Sentences per window. 1: 69.9% found; 2 or 3: 71.8%, false matches unchanged. Three lets a
 * claim restated over a quotation and its attribution ("…” LeCun said. “…") be found in one piece.
 */
export const MAX_WINDOW_SENTENCES = 3;

/** Windows below this score are not kept at all (a cost bound: below LOW_SCORE nothing is shown). */
export const CANDIDATE_SCORE = 0.3;

// ---------------------------------------------------------------- confidence

/**
 * Highlighted from this score on (with the checks of verify.ts passed and the claim's story
 * recognised on the page). 0.35: 77.6% found, 4 false highlights; 0.4: 71.8%, 1; 0.45: 66.7%, 1;
 * 0.5: 57.1%, 0. The knee of the curve; the false highlight left at 0.4 was a subheading
 * ("Side effects of the Musk management style") read as the claim "Musk is known for 'extreme
 * exploitation'-style management": since 2026-12-06 a section heading is never highlighted
 * (core.ts `isLabel`), which removed it and nothing else.
 */
export const HIGH_SCORE = 0.4;

/**
 * A highlighted match on a page where its story is not recognised needs this much. 0.5 and 0.55:
 * 2 false highlights; 0.6 and above: 1; found statements unchanged (pages with a story recognise
 * it). It guards pages that restate one fact of a story's article in passing.
 */
export const STANDALONE_SCORE = 0.65;

/**
 * Listed as "possibly related" (the badge's list, never highlighted), on pages reporting the
 * claim's story only. 0.3: 4 false entries; 0.35: 1; 0.4: 0, and 9 statements found only as
 * "possibly related" either way (of them 2 fewer at 0.4).
 */
export const LOW_SCORE = 0.35;

/**
 * Terms besides names a passage must share with the claim (names alone are not a restatement: a
 * stock table, a list of people). 1: 73.1% found, 1 false highlight; 2: 71.8%, 1; 3: 67.3%, 0.
 */
export const MIN_CONTENT_TERMS = 2;

/**
 * The negation veto (verify.ts) needs the passage to negate at least this share of the weight of
 * the words it shares with the claim: a denial negates most of them ("LeCun never said that AI
 * companies are losing money …"), a negation in passing few ("None of that stopped Musk from
 * folding xAI into SpaceX …", 「〜ことも珍しくない」). Measured on all 399 fixture statements (the
 * fourth blind batch, written to test just this, included): any share (the veto as first written):
 * 309 found; 0.34: 312; 0.5: 316; 0.67 and 0.8: 316. False highlights unchanged throughout (1, not a
 * negation). The unit tests' denials (tests/unit/restate-negation.test.ts) are all vetoed up to
 * 0.67, one passes at 0.8. A passage that reports a statement and then disputes part of it ("xAI
 * rents out its huge infrastructure, LeCun said, but that is not the only way …") is shown from
 * 0.5 on: the card sets LeCun's own words beside it.
 */
export const NEGATED_SHARE = 0.5;

/**
 * Paragraphs before a quotation's where its speaker may be named ("… , LeCun said." / "“…”"):
 * otherwise it is not highlighted. 0: 69.2% found; 1: 71.2%; 2: 71.8%; 3: 71.8%; wrong speakers
 * 0 throughout (a passage naming another person is vetoed however far the speaker is).
 */
export const CONTEXT_PARAGRAPHS = 2;

/**
 * A quotation's score counts this much more when it and another claim of its speaker share a
 * passage, so the card shows the speaker's own words rather than a digest's paraphrase of them.
 * No difference to what is found (1, 1.1, 1.2): it only decides which of two right claims shows.
 */
export const QUOTE_PREFERENCE = 1.1;

// ---------------------------------------------------------------- stories

/**
 * A story's event sentence: score against the story's event text. Measured (lead event sentences):
 * pages reporting the story 0.43–0.97; event-like sentences of hard negatives that survive the
 * checks ≤ 0.22 (the others are vetoed: people missing, another date or ordinal). 0.3 to 0.5 made
 * no difference to the story results: every recognised story also had its key claims.
 */
export const EVENT_SCORE = 0.4;

/**
 * Sentences at the top of an article (headline, byline, lead) where an event sentence announces
 * the story, and where one that contradicts it (another date, another ordinal) rules it out.
 * 3, 5, 8: no difference on the fixtures.
 */
export const LEAD_SENTENCES = 5;

/**
 * Days after a story's event (when the dataset dates it to the day) within which an event sentence
 * counts as the page reporting it. Later, a sentence that names the event ("Tony Wu, who co-founded
 * xAI, …") is background to another event with the same people (an interview months on); the
 * story can still be recognised from its key claims (STORY_CLAIMS). Measured: the fixture pages
 * reporting the Wu story are dated 1–3 days after it; the one hard negative an event-like lead
 * sentence made the story (a written-blind page: Wu interviewed seven months later, denying a
 * feud) is 205 days after. Nothing between has been tried; 30 is a news cycle's generous length.
 */
export const EVENT_NEWS_DAYS = 30;

/**
 * Key claims of a story found (either tier) that make the story without an event sentence, on a
 * page naming the story's people. 1, 2, 3: no difference on the fixtures. 2, so that one claim
 * found on a page about something else does not make the story.
 */
export const STORY_CLAIMS = 2;
