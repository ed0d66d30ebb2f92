/**
 * Word classes the judge reasons with, as regular-expression alternations over normalised text
 * (see normalize.ts). Grounded in DOMAIN.md: what the rep obtains versus what the client gets.
 */

/** One normalised word (clause breaks are the word ","). */
export const W = '[^\\s,]+';

/** Alternation helper: longest first so "purchase order" wins over "purchase". */
export function alt(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
}

/** Things in the rep's pipeline: what a rep obtains from a client. */
export const PIPELINE_NOUNS = [
  'appointment', 'appointments', 'second meeting', 'next meeting', 'follow-up meeting', 'follow-up call', 'follow-up',
  'meeting', 'meetings', 'call back', 'demo', 'demos', 'showing', 'showings', 'listing', 'listings',
  'listing presentation', 'deal', 'deals', 'order', 'orders', 'po', 'purchase order', 'purchase orders',
  'signature', 'signatures', 'sign off', 'signed', 'contract', 'contracts', 'agreement', 'msa', 'sow', 'loi',
  'ips', 'bor', 'nda', 'app', 'application', 'referral', 'referrals', 'intro', 'introduction', 'introductions',
  'commitment', 'commitments', 'verbal', 'yes', 'sale', 'sales', 'close', 'business', 'budget', 'approval',
  'green light', 'go-ahead', 'pledge', 'pledges', 'gift', 'donation', 'sponsorship', 'retainer',
  'engagement letter', 'job order', 'job orders', 'req', 'reqs', 'requisition', 'requisitions', 'exclusive',
  'rfq', 'rfp', 'bid', 'award', 'trial', 'pilot', 'poc', 'eval', 'evaluation', 'renewal', 'upgrade', 'upsell',
  'seats', 'licences', 'licenses', 'account', 'accounts', 'assets', 'aum', 'rollover', 'transfer', 'deposit',
  'payment', 'check', 'cheque', 'fee', 'fees', 'paperwork', 'forms', 'financial information',
  'financial info', 'financials', 'statements', 'dec pages', 'tax returns', 'price reduction', 'vendor list',
  'bid list', 'routing guide', 'formulary', 'case study', 'testimonial', 'decision maker', 'economic buyer',
  'next step', 'next steps', 'order form', 'invoice', 'revenue', 'commission', 'quota',
  'opportunity', 'pipeline', 'access', 'exclusivity', 'slot', 'face time', 'facetime', 'time with',
  'audience with', 'mandate', 'engagement', 'shortlist', 'new client', 'new clients', 'new customer',
  'new customers', 'new account', 'new accounts', 'documents', 'authorization', 'authorisation', 'permission', 'signing', 'docs', 'financial picture', 'fact-find', 'fact find',
  'partnership', 'tender', 'seat at the table', 'proposal review', 'go ahead', 'the ok', 'the okay',
  'placement', 'placements',
];

/** What the rep turns the client into: "turn this trial into a paying customer", "a confirmed booking". */
export const CONVERTED_TO = [
  'client', 'clients', 'customer', 'customers', 'buyer', 'buyers', 'account', 'booking', 'policy', 'enrolment',
  'enrollment', 'sale', 'order', 'deal', 'contract', 'subscriber', 'subscription', 'member', 'placement',
  'listing', 'buyer client', 'paid plan', 'paying customer', 'paying client', 'signed contract', 'purchase',
];

/** Verbs that grow an amount ("increase their order", "bump the PO", "add 20 more lines"). */
export const GROW_VERBS = [
  'increase', 'up', 'raise', 'bump', 'bump up', 'boost', 'double', 'triple', 'expand', 'extend', 'add', 'grow',
  'scale up', 'top up', 'step up', 'lift', 'ramp up', 'upsize', 'upgrade', 'lengthen', 'renew',
];

/** The rep's numbers at the client: what they buy from the rep ("their order", "seats", "the PO"). */
export const REP_NUMBERS = [
  'order', 'orders', 'po', 'purchase order', 'spend', 'spending', 'retainer', 'commitment', 'seats', 'seat count',
  'licenses', 'licences', 'lines', 'volume', 'contract', 'scope', 'subscription', 'units', 'cases', 'quantity',
  'lanes', 'usage', 'users', 'plan', 'tier', 'package', 'budget with us', 'ad spend', 'headcount with us',
  'pallets', 'skus', 'modules', 'module', 'locations on our', 'hours', 'term',
];

/**
 * What the rep does for the rep's own pipeline: after "so we can …" these reveal the real aim
 * ("get the parent list so we can market the camp", "… so I can size the quote").
 */
export const REP_AIM_VERBS = [
  'quote', 'requote', 'price', 'propose', 'pitch', 'sell', 'resell', 'upsell', 'cross-sell', 'prospect',
  'solicit', 'cold call', 'undercut', 'beat', 'outbid', 'outprice', 'win', 'close', 'forecast', 'bill', 'invoice',
  'get paid', 'start billing', 'move to contract', 'qualify', 'make the ask', 'ask for', 'lock in', 'upgrade them',
  'switch them', 'convert', 'sign them', 'sign up', 'onboard',
];

/** Rep aims that need an object that is not the client's own ("so we can market the camp", not "… market their camp"). */
export const REP_AIM_OBJECT_VERBS = [
  'market', 'contact', 'email', 'call', 'reach out to', 'approach', 'target', 'promote', 'present', 'push',
  'land', 'book', 'sign', 'secure', 'send', 'pitch', 'sell',
];

/** Keeping or growing what the rep already has at the client ("so we keep the assets", "grow the account"). */
export const REP_HOLDINGS = [
  'account', 'accounts', 'assets', 'aum', 'business', 'client', 'relationship', 'book', 'contract', 'wallet',
  'spend', 'share', 'wallet share', 'renewal', 'revenue', 'money', 'portfolio', 'household', 'logo',
];

/** What a list, name or permission is for when it is for the rep's own use ("for our outreach"). */
export const REP_USE_NOUNS = [
  'outreach', 'prospecting', 'marketing', 'crm', 'campaign', 'campaigns', 'pipeline', 'forecast', 'database',
  'mailing list', 'mailing', 'pitch', 'proposal', 'quote', 'sales', 'sales team', 'records', 'newsletter',
  'lead list', 'leads', 'list', 'lists', 'case studies', 'case study', 'website', 'ads', 'advertising',
  'brochure', 'deck', 'reference list', 'references', 'cold calls', 'calling list', 'sequence', 'cadence',
  'territory', 'quota', 'numbers', 'commission', 'deal', 'bid', 'submission', 'next campaign', 'drip',
];

/** Standing the rep wants with the client's firm: "vendor of choice", "preferred supplier", "the shortlist". */
export const POSITION_PHRASES = [
  'of choice', 'preferred', 'sole source', 'sole supplier', 'sole provider', 'single source', 'go-to', 'first call',
  'top of mind', 'shortlist', 'short list', 'short-list', 'final two', 'final three', 'final round', 'final cut',
  'the running', 'approved vendor', 'approved supplier', 'approved vendors', 'incumbent', 'primary vendor',
  'primary supplier', 'primary provider', 'primary carrier', 'exclusive provider', 'exclusive supplier',
  'vendor list', 'bid list', 'panel', 'roster', 'preferred partner', 'only vendor', 'only supplier',
  'only provider', 'partner of record', 'broker of record', 'agency of record', 'one provider', 'one vendor',
  'one supplier', 'main supplier', 'main vendor', 'main provider',
];

/** Pipeline words that, alone at the start of an objective, name an outcome ("appt", "the close"). */
export const BARE_OUTCOME_NOUNS = [
  'appointment', 'appointments', 'signature', 'signatures', 'close', 'closing', 'referral', 'referrals',
  'commitment', 'contract', 'deal', 'order', 'po', 'purchase order', 'sale', 'listing', 'yes', 'deposit',
  'pledge', 'sign off', 'introduction', 'intro', 'loi', 'msa', 'sow', 'demo', 'renewal', 'upsell', 'upgrade',
  'second meeting', 'next meeting', 'follow-up meeting', 'second appointment', 'quota', 'commission',
  'revenue', 'signed contract', 'verbal', 'go-ahead', 'green light', 'agreement', 'signed agreement',
  'financial information', 'financial info', 'financial statements', 'tax returns', 'payment',
  'check', 'cheque', 'job order', 'retainer', 'engagement letter', 'mandate', 'rfq', 'trial', 'pilot',
];

/** Verbs by which a rep obtains something. */
export const GAIN_VERBS = [
  'get', 'gets', 'getting', 'got', 'obtain', 'obtaining', 'secure', 'securing', 'land', 'landing', 'lock in',
  'lock down', 'locking in', 'nail down', 'grab', 'bag', 'capture', 'walk away with', 'walk out with',
  'leave with', 'come away with', 'come out with', 'ask for', 'asking for', 'push for', 'collect',
  'collecting', 'win', 'winning', 'earn', 'set up', 'schedule', 'book', 'booking',
  'sign', 'close', 'closing', 'clinch', 'seal',
  'pull in', 'bring in', 'gain', 'achieve', 'arrange', 'arranging', 'line up', 'pin down', 'gather', 'gathering',
  'lock', 'score', 'snag', 'nab', 'acquire', 'acquiring',
  // Less common acquisition verbs and idioms.
  'procure', 'procuring', 'reel in', 'reeling in', 'nail', 'nailing', 'wrap up', 'wrapping up', 'bring home',
  'bringing home', 'bring back', 'rake in', 'round up', 'pick up', 'sew up', 'tie up', 'button up', 'clinch',
  'end the call with', 'end the meeting with', 'finish the call with', 'finish the meeting with', 'hang up with',
  'walk away from the meeting with', 'go home with',
];

/** Gain verbs that also have everyday senses ("make their renewal painless", "confirm their renewal
 * date"): they count only when the object is not the client's own ("their ..."). */
export const LOOSE_GAIN_VERBS = [
  'make', 'set', 'confirm', 'open', 'drive', 'reach', 'take', 'taking', 'finalize', 'finalise', 'negotiate', 'hit',
  'generate', 'tee up', 'request', 'need', 'want', 'require', 'expect',
];

/** Words after "get" that make it about understanding, never obtaining ("get a feel for"). */
export const UNDERSTANDING_NOUNS = [
  'sense', 'feel', 'feeling', 'idea', 'understanding', 'picture', 'grasp', 'handle', 'read', 'view', 'views',
  'perspective', 'take', 'insight', 'insights', 'clear', 'clarity', 'to', 'acquainted', 'familiar', 'up',
  'feedback', 'input', 'thoughts', 'opinion', 'opinions', 'story', 'know', 'better', 'glimpse', 'overview',
  'flavour', 'flavor', 'reading', 'impression', 'impressions', 'smarter', 'curious', 'comfortable',
];

/** Prepositions and wh-words that end a verb's object: "get a sense of their budget" is not "get budget". */
export const OBJECT_STOPS = [
  'of', 'about', 'on', 'into', 'around', 'for', 'in', 'at', 'with', 'from', 'to', 'how', 'what', 'why', 'when',
  'where', 'whether', 'who', 'which', 'and', 'so', 'that', 'if', 'but', 'or', 'their own', 'without', 'while',
  'before', 'after', 'sure', 'they', 'he', 'she', 'we', 'i', "they're", "we're", "i'm", 'you',
];

/** What a client does that the rep wants: the commitments of DOMAIN.md's outcome. */
export const COMMIT_VERBS = [
  'buy', 'buys', 'purchase', 'purchases', 'sign', 'signs', 'sign up', 'sign off', 'commit', 'commits', 'agree to',
  'agrees to', 'agree for', 'make a purchase', 'make the purchase', 'make an order', 'make the order',
  'place the order', 'put down', 'make a deposit', 'make the payment', 'agree terms', 'agree the', 'complete', 'completes', 'list', 'book', 'books', 'switch', 'move forward', 'proceed', 'say yes', 'order', 'pay', 'renew',
  'upgrade', 'trial', 'pilot', 'prescribe', 'approve', 'sample', 'drop', 'replace', 'enroll', 'enrol', 'join',
  'invest', 'consolidate', 'transfer', 'accept', 'hire', 'test drive', 'choose us', 'go with us', 'go ahead',
  'place an order', 'refer', 'introduce us', 'introduce me', 'use our', 'try our', 'move their', 'bring their',
  'chooses us', 'choose us', 'pick us', 'picks us', 'select us', 'selects us', 'goes with us', 'fill out', 'fill in',
  'submit', 'open an account', 'open accounts', 'meet again', 'meet with us', 'see us again', 'work with us',
  'work with me', 'do business with us', 'come back to us', 'stay with us', 'refer us', 'refers us', 'recommend us', 'sign with us',
];

/** Nouns after "close" that are the client's own ("close their books", "close the gap"). */
export const INNOCENT_CLOSE_OBJECTS = [
  'books', 'book', 'gap', 'gaps', 'loop', 'loops', 'loopholes', 'loophole', 'month-end', 'year-end', 'window', 'windows', 'door', 'file', 'files', 'ticket', 'tickets', 'issue', 'issues', 'project',
  'projects', 'skills', 'distance', 'position', 'positions', 'store', 'stores', 'shop', 'office', 'branch',
  'plant', 'site', 'ledger', 'accounts', 'costs', 'cost', 'date', 'disclosure', 'process', 'table',
  'statement', 'documents', 'timeline', 'day', 'rate', 'rates', 'ratio', 'home', 'house', 'property', 'mortgage', 'loan', 'escrow',
];

/** Periods a client closes ("close the month"), told apart from timing ("close this quarter"). */
export const CLOSE_PERIODS = ['month', 'quarter', 'year', 'fiscal year', 'period', 'day', 'week'];

/** Negators whose scope covers the next few words ("not to pitch", "no selling", "without pushing"). */
export const NEGATORS = [
  'not', 'no', 'never', "don't", "doesn't", "won't", "isn't", "aren't", "can't", 'cannot', 'without', 'nothing',
  'avoid', 'instead of', 'rather than', 'nor', 'zero', "shouldn't", 'neither', 'stop',
];
