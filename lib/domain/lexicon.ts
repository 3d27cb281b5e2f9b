// Word lists the engine relies on. They describe English news prose in general
// (function words, common news predicates and their synonyms, hedges, denials),
// never particular claims.

export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor of off on once only or other our
  ours ourselves out over own same she should so some such than that the their theirs them themselves then there these
  they this those through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves said says say saying told tells according new news one two first also
  not never none neither yet still since per via amid among upon mr mrs ms dr gen lt col sgt president minister spokesman spokeswoman
  official officials report reports reported reportedly week month year years day days time times today yesterday
  tomorrow take took taken takes taking place places make made makes get got gets hold held come came go went put puts
  happen happens happened happening occur occurs occurred occurring keep keeps kept monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  near nearby across along around behind beside beyond inside outside toward towards within onto throughout despite
  measure measures measured measuring total totals totalled totaled totalling totaling numbered stood`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Synonym groups of common news predicates and nouns. Every word of a group maps
 * to the group's first word, so "scrapped" and "annulled" index as one term.
 * Entries are word stems as produced by the Porter stemmer of lib/domain/terms.ts
 * OR plain words; both are looked up.
 */
export const SYNONYM_GROUPS: string[][] = [
  // "quit" is in the resign group: in news a minister or a coach quits far more often than a treaty is quit.
  [
    'end',
    'cancel',
    'scrap',
    'annul',
    'termin',
    'revok',
    'abrog',
    'rescind',
    'void',
    'denounc',
    'withdraw',
    'suspend',
    'halt',
    'stop',
    'axe',
    'ditch',
    'withdrew',
    'withdrawn',
  ],
  ['troop', 'soldier', 'forc', 'personnel'],
  ['agreement', 'accord', 'pact', 'deal', 'treati', 'arrang'],
  ['approv', 'pass', 'adopt', 'endors', 'ratifi'],
  ['kill', 'dead', 'die', 'di', 'death', 'slain', 'fatal', 'toll', 'live', 'slai', 'perish', 'shot dead'],
  ['injur', 'injuri', 'wound', 'hurt', 'maim'],
  ['arrest', 'detain', 'captur', 'apprehend', 'custodi', 'nab', 'caught', 'catch'],
  ['convict', 'guilti', 'found guilti'],
  ['charg', 'indict'],
  ['launch', 'start', 'begin', 'began', 'initi', 'establish', 'set', 'creat'],
  ['sign', 'conclud', 'ink'],
  ['oust', 'toppl', 'overthrow', 'overthrew', 'depos', 'remov'],
  ['junta', 'ruler', 'regim'],
  ['militari', 'armi', 'arm forc'],
  ['coup', 'putsch', 'takeov', 'seiz power', 'took power', 'take power', 'grab power', 'seiz control'],
  ['expel', 'kick', 'evict', 'eject', 'ban'],
  ['buy', 'acquir', 'purchas', 'bought', 'acquisit'],
  ['sell', 'sold', 'sale'],
  ['earthquak', 'quak', 'tremor', 'temblor', 'seismic'],
  ['cost', 'worth', 'valu', 'price'],
  ['announc', 'declar', 'unveil', 'confirm'],
  // "oust" is in the overthrow group: leaders are ousted by coups and votes more often than staff by employers.
  // "fire" is in the blaze group: news fires burn far more often than they dismiss anyone.
  ['dismiss', 'sack'],
  ['resign', 'step', 'quit'],
  ['hire', 'appoint', 'name', 'recruit'],
  ['shot', 'shoot', 'gun', 'open fire', 'gunshot', 'gunfir'],
  ['strike', 'hit', 'struck', 'jolt', 'rock', 'shake', 'shook', 'shaken', 'rattl', 'trembl'],
  ['mission', 'oper', 'deploy', 'station', 'base'],
  ['cooper', 'partnership', 'ti', 'allianc'],
  ['american', 'america', 'us', 'usa', 'unit state'],
  ['eu', 'european union', 'europ'],
  ['uk', 'britain', 'british', 'unit kingdom'],
  ['un', 'unit nation'],
  ['mother', 'mom', 'mum'],
  ['father', 'dad'],
  ['child', 'kid', 'children', 'boi', 'girl'],
  ['phone', 'smartphon', 'iphon', 'handset'],
  [
    'car',
    'vehicl',
    'suv',
    'truck',
    'van',
    '4x4',
    'four-by-four',
    'four-wheel-drive',
    'off-roader',
    'jeep',
    'automobil',
  ],
  [
    'robberi',
    'heist',
    'raid',
    'ram-raid',
    'theft',
    'burglari',
    'smash-and-grab',
    'rob',
    'hold-up',
    'holdup',
    'stick-up',
    'stickup',
  ],
  ['thief', 'thiev', 'robber', 'raider', 'burglar', 'crook', 'bandit', 'looter'],
  ['seiz', 'confisc', 'impound', 'recov'],
  ['escap', 'flee', 'fled', 'get away', 'got away', 'getawai', 'elud', 'evad', 'run away', 'ran away'],
  ['store', 'shop', 'boutiqu'],
  ['inhabit', 'resid', 'popul'],
  ['firebomb', 'petrol bomb', 'molotov', 'fire bomb', 'fire-bomb', 'incendiari'],
  // Broader news paraphrase: event verbs, actors and objects reporters name in more than one way.
  ['deni', 'reject', 'refut', 'rebuff'],
  ['accus', 'alleg', 'blame'],
  ['ship', 'vessel', 'boat', 'skiff'],
  ['merchant', 'cargo', 'commerci'],
  ['escort', 'shepherd', 'accompani', 'convoi', 'usher', 'hurri', 'evacu'],
  ['market', 'marketplac', 'bazaar', 'market place', 'market area'],
  ['school', 'schoolhous', 'classroom'],
  ['protest', 'demonstr', 'ralli', 'march', 'protestor', 'rioter', 'riot', 'marcher'],
  ['firefight', 'fire crew', 'fire brigad', 'firemen', 'fireman', 'fire fighter', 'fire servic', 'fire depart'],
  ['prevent', 'block', 'hinder', 'obstruct', 'foil', 'thwart', 'avert', 'hamper', 'imped'],
  ['feel', 'felt'],
  ['meet', 'summit', 'confer', 'met'],
  ['bomb', 'bombard', 'airstrik', 'air strike', 'air raid', 'air attack'],
  ['destroi', 'raze', 'flatten', 'demolish', 'wreck', 'devast', 'obliter'],
  ['collaps', 'cave in', 'crumbl', 'give wai', 'gave wai'],
  ['trap', 'buri', 'engulf', 'entomb'],
  ['aid', 'help', 'assist', 'relief'],
  ['send', 'sent', 'dispatch'],
  ['helicopt', 'chopper'],
  ['plane', 'aircraft', 'airplan', 'jet', 'warplan'],
  ['weapon', 'firearm', 'arm', 'rifl'],
  ['ammunit', 'bullet', 'cartridg'],
  ['jewel', 'jewelri', 'gem', 'gemston', 'precious stone'],
  ['steal', 'stole', 'stolen', 'snatch', 'grab', 'loot', 'make off'],
  ['employe', 'worker', 'staff', 'staffer'],
  ['firm', 'compani'],
  ['gunman', 'gunmen', 'shooter', 'assail'],
  ['jail', 'prison', 'imprison'],
  ['depth', 'deep', 'underground'],
  ['epicent', 'center', 'hypocent', 'centr'],
  ['lead', 'led', 'head'],
  ['visit', 'trip', 'tour'],
  ['talk', 'negoti', 'discuss'],
  ['leav', 'depart', 'exit', 'pull out'],
  ['ask', 'request', 'appeal', 'call for', 'urg'],
  ['foreign', 'intern'],
  ['govern', 'administr'],
  ['win', 'won', 'victori'],
  ['lose', 'lost', 'defeat'],
  ['increas', 'rise', 'rose', 'grow', 'grew', 'climb', 'jump', 'surg', 'hike', 'soar'],
  ['decreas', 'fall', 'fell', 'drop', 'declin', 'plung', 'slump', 'tumbl'],
  ['investig', 'probe', 'inquiri'],
  ['explod', 'deton', 'blast', 'explos', 'go off', 'went off', 'gone off'],
  ['crash', 'collid', 'collis', 'ram', 'plough', 'plow'],
  ['storm', 'hurrican', 'cyclon', 'typhoon'],
  ['fight', 'clash', 'combat', 'battl', 'fought'],
  ['rebel', 'insurg', 'militant'],
  ['cut', 'reduc', 'slash', 'trim'],
  ['burn', 'torch', 'ablaz', 'set fire', 'set alight', 'caught fire', 'catch fire', 'set ablaz'],
  // Disasters, crime and unrest: the acts, people and things reporters name in more than one way.
  ['reach', 'get to', 'got to', 'get through', 'got through', 'access'],
  ['attack', 'assault', 'ambush'],
  ['rescuer', 'rescu worker', 'rescu team'],
  ['bailout', 'bail-out', 'rescu packag'],
  ['rescu', 'save'],
  ['throw', 'threw', 'thrown', 'hurl', 'toss', 'lob', 'pelt', 'fling', 'flung'],
  ['chase', 'pursuit', 'pursu'],
  ['surrend', 'turn himself', 'gave himself', 'give himself', 'turn themselv'],
  ['pirat', 'brigand'],
  ['kidnap', 'abduct'],
  ['condemn', 'deplor', 'decri'],
  ['landslid', 'landslip', 'mudslid', 'rockslid'],
  ['rubbl', 'debri', 'wreckag'],
  ['blackout', 'power outag', 'power cut', 'power failur'],
  ['transport', 'ferri', 'airlift', 'transfer'],
  ['colleagu', 'co-work', 'cowork'],
  ['unrest', 'turmoil'],
  ['conduct', 'carri out'],
  ['tear gas', 'teargas'],
  ['polic', 'policeman', 'policemen', 'cop', 'polic offic'],
  ['guard', 'secur guard', 'secur offic', 'secur staff', 'secur personnel'],
  ['doctor', 'physician'],
  ['student', 'pupil', 'schoolchildren', 'schoolchild'],
  ['teenag', 'teen'],
  ['mall', 'shop centr', 'shop center', 'shop mall'],
  ['airstrip', 'airfield', 'land strip'],
  ['haul', 'booti', 'swag'],
  ['monei', 'cash'],
  ['flood', 'inund', 'submerg', 'swamp'],
  ['fire', 'blaze', 'inferno', 'flame'],
  ['choke', 'suffoc', 'asphyxi'],
  ['search', 'hunt', 'manhunt'],
  ['discov', 'uncov', 'unearth', 'find', 'found'],
  ['distribut', 'hand out', 'dole out'],
  ['resum', 'restart'],
  ['shut', 'shutter', 'shut down', 'close down'],
  ['trigger', 'spark', 'set off', 'touch off', 'caus'],
  ['farm', 'plantat', 'ranch', 'orchard'],
  ['floor', 'storei'],
  ['front', 'frontag', 'facad', 'shopfront', 'storefront'],
  ['grapnel', 'grappl hook'],
  ['detect', 'spot', 'notic'],
  ['erupt', 'broke out', 'break out'],
  ['vow', 'pledg', 'promis'],
  ['prais', 'commend', 'laud'],
  ['salari', 'wage'],
  ['hous', 'home', 'dwell'],
  ['walkout', 'gener strike', 'nationwid strike', 'work stoppag'],
  ['parliament', 'legislatur'],
  ['crew', 'crewmen', 'crewman'],
  ['navi', 'naval'],
  ['plead', 'pled', 'plea'],
  ['mask', 'hood', 'balaclava'],
  ['perpetr', 'culprit'],
  ['retali', 'repris'],
  ['invad', 'invas'],
  ['border', 'frontier'],
  ['seced', 'secess'],
  ['provok', 'provoc'],
  ['releas', 'freed'],
  ['hostag', 'captiv'],
  ['headquart', 'hq'],
  ['highwai', 'motorwai', 'freewai', 'expresswai'],
  ['wake', 'woke', 'woken', 'awok', 'awak', 'awaken'],
  // Irregular forms the stemmer leaves apart.
  ['break', 'broke', 'broken'],
  ['drive', 'drove', 'driven'],
  ['fly', 'flew', 'flown'],
  ['seek', 'sought'],
  ['build', 'built'],
  ['hear', 'heard'],
  ['spend', 'spent'],
  ['swear', 'swore', 'sworn'],
  ['sink', 'sank', 'sunk'],
];

/**
 * Stages of a criminal case, as terms. Each is a different fact: "charged with murder" does not state
 * "found guilty of murder", nor "arrested" state "charged".
 */
export const CASE_STAGES: string[][] = [
  ['arrest'],
  ['charg'],
  ['convict'],
  ['sentenc', 'jail', 'imprison'],
  ['acquit'],
];

/** What "no casualties" and the like deny: the harms each word covers (as words; terms are derived). */
export const HARM_WORDS: Record<string, string[]> = {
  casualties: ['killed', 'injured'],
  fatalities: ['killed'],
  deaths: ['killed'],
  dead: ['killed'],
  victims: ['killed', 'injured'],
  injuries: ['injured'],
  injured: ['injured'],
  damage: ['damage'],
};

/** Participles of harm after "no one was" and the harm terms they deny: "No one was hurt" denies injuries. */
export const HARMED_PARTICIPLES: Record<string, string[]> = {
  injured: ['injured'],
  hurt: ['injured'],
  wounded: ['injured'],
  killed: ['killed'],
  harmed: ['injured'],
};

/** Words that, like a falsehood adjective, judge a claim unfounded: "The rumour is baseless". */
export const UNFOUNDED = ['baseless', 'groundless', 'unfounded', 'incorrect', 'wrong', 'a hoax', 'a myth', 'nonsense'];

/**
 * Words of succession between two people (slots/succession.ts). Active ones name the newcomer before and the one
 * replaced after ("Frey will replace Ostrow", "appointed Ostrow, replacing Frey", "Ostrow succeeds Frey");
 * passive ones the other way round ("Frey was replaced by Ostrow").
 */
export const SUCCESSION_CUES = {
  active: [
    'replace',
    'replaces',
    'replaced',
    'replacing',
    'succeed',
    'succeeds',
    'succeeded',
    'succeeding',
    'take over from',
    'takes over from',
    'took over from',
    'taking over from',
    'in place of',
  ],
  passive: ['replaced by', 'succeeded by'],
};

/** Particles of phrasal verbs: "shut down", "pulled out", "turned down" (the clause reader and meaning.ts). */
export const VERB_PARTICLES = ['up', 'down', 'out', 'off', 'away', 'back', 'over'];

/** Words that flip a statement's polarity. */
export const NEGATION_CUES = ['not', 'no', 'never', 'neither', 'nor', 'none', "n't", 'nothing', 'nobody'];

/**
 * Words that report someone unharmed: "The singer is alive and well", "All six climbers survived". They deny a
 * claim of harm (SAFETY_DENIES: "The singer died"), and nothing else: "The Marl Bridge is safe" does not deny
 * "The Marl Bridge was closed".
 */
export const SAFETY_CUES = [
  'alive',
  'survived',
  'survives',
  'is safe',
  'are safe',
  "she's safe",
  "he's safe",
  'safe and well',
  'safe and sound',
];

/** The harms a safety word denies, as a claim says them: "was killed", "went missing", "was taken hostage". */
export const SAFETY_DENIES = [
  'killed',
  'murdered',
  'shot',
  'stabbed',
  'injured',
  'kidnapped',
  'captured',
  'hostage',
  'missing',
  'disappeared',
  'drowned',
  'harmed',
  'attacked',
  'executed',
  'beheaded',
  'poisoned',
  'infected',
  'hospitalised',
  'sick',
];

/** Verbs and nouns of denial or debunking: the statement asserts the opposite. */
export const DENIAL_CUES = [
  'deny',
  'denies',
  'denied',
  'denying',
  'denial',
  'refute',
  'refutes',
  'refuted',
  'debunk',
  'debunks',
  'debunked',
  'hoax',
  'untrue',
  'myth',
  'not true',
  'no evidence',
  'satire',
  'satirical',
  'rumour is false',
  'rumor is false',
  'nope',
  'insists',
  'clarifies',
  'spoof',
  'prank',
  'rebuff',
  'rebuffs',
  'rebuffed',
  'put to rest',
  'puts to rest',
  'rubbish',
  'nonsense',
  'bullshit',
  'made it up',
  'made it all up',
  'made up',
  'faked',
  'retracts',
  'retracted',
  'retraction',
  'inaccurate',
  'erroneous',
  'not real',
  'misinformation',
  'disinformation',
  'unfounded',
  'baseless',
  'urban legend',
  'cast doubt',
  'casts doubt',
  'raises doubts',
  'incorrect',
  'fabrication',
  'exaggerated',
  'hoaxer',
  'hoaxes',
  // Negated existence denies the whole story: "the pumpkin spice condom is not happening".
  'not happening',
  "isn't happening",
  "aren't happening",
  'never happened',
  "didn't happen",
  'not a thing',
  'does not exist',
  "doesn't exist",
  'not coming',
  'figment',
  'trolled',
  'turns out not',
];

/** Verbs that dismiss what they act on: "slams rumors", "kills stolen Batmobile rumor", "dispels claims". */
export const DISMISSAL_VERBS = [
  'slams',
  'slam',
  'kills',
  'quashes',
  'squashes',
  'dispels',
  'dismisses',
  'shuts down',
  'scotches',
  'rejects',
  'rejected',
  'rejecting',
  'dismissed',
  'dismissing',
  'rubbishes',
  'laughs off',
  'makes fun of',
  'mocks',
  'debunks',
  'denies',
  'refutes',
  'questions',
  'doubts',
  'shoots down',
  'shoot down',
  'shot down',
];

/**
 * Adjectives of falsehood. "The photo is fake" and "a fake story" deny; "fake passports"
 * describes something else: before a noun, they deny only a story word or the claim's own.
 */
export const FALSEHOOD_ADJECTIVES = new Set([
  'fake',
  'false',
  'bogus',
  'fabricated',
  'misleading',
  'phony',
  'phoney',
  'doctored',
  'photoshopped',
]);
export const STORY_NOUNS = new Set([
  'story',
  'stories',
  'news',
  'report',
  'reports',
  'claim',
  'claims',
  'rumor',
  'rumors',
  'rumour',
  'rumours',
  'photo',
  'photos',
  'picture',
  'pictures',
  'image',
  'images',
  'video',
  'videos',
  'tweet',
  'tweets',
  'account',
  'accounts',
  'article',
  'headline',
  'headlines',
  'alarm',
  'report',
  'quote',
  'quotes',
  'post',
  'posts',
  'site',
  'website',
]);

/** Second words of compounds with "no" that name a thing ("no-show fee", "no-fly zone"), written with or without the hyphen. */
export const NO_COMPOUNDS = new Set([
  'show',
  'shows',
  'fly',
  'go',
  'confidence',
  'claims',
  'brainer',
  'nonsense',
  'frills',
  "man's",
]);

/** Words that open a subordinate clause: a negation after one ("so he won't", "a panel that didn't") is not the main verb's. */
export const SUBORDINATORS = new Set([
  'so',
  'because',
  'unless',
  'if',
  'that',
  'who',
  'which',
  'whose',
  'where',
  'when',
  'while',
  'after',
  'before',
  'until',
  'though',
  'although',
  'than',
  'lest',
  'to',
]);

/** Reporting without asserting: rumours, attributions, modal verbs, questions. */
export const HEDGE_CUES = [
  'reportedly',
  'allegedly',
  'alleged',
  'rumor',
  'rumors',
  'rumour',
  'rumours',
  'rumored',
  'rumoured',
  'claim',
  'claims',
  'claimed',
  'claiming',
  'may',
  'might',
  'could',
  'possibly',
  'possible',
  'apparently',
  'purportedly',
  'purported',
  'supposedly',
  'unconfirmed',
  'unverified',
  'speculation',
  'speculate',
  'speculates',
  'suggests',
  'suggest',
  'believed',
  'seems',
  'appears',
  'appear',
  'likely',
  'unlikely',
  'considering',
  'consider',
  'would',
  'if',
  'whether',
  'viral',
  'hints',
  'hint',
  'purports',
  'seemingly',
  'in talks',
  'thought to',
  'unclear',
  'unknown',
  'in doubt',
];

/**
 * Saying the matter is not known yet: "The cause of the fire is not yet known", "It was too early to say what had
 * caused the blast". Such a sentence states no value of it (neither "arson" nor "a gas leak"). Read by the
 * alignment only (`NOT_YET_KNOWN`), not by the slots or the stance model's cue counts.
 */
export const NOT_KNOWN_CUES = [
  'not known',
  'not yet known',
  'not been established',
  'not yet been established',
  'yet to be established',
  'not been determined',
  'not yet been determined',
  'yet to be determined',
  'not clear',
  'not yet clear',
  'remains unclear',
  'too early to say',
  'too early to tell',
  'too soon to say',
  'too soon to tell',
];

/**
 * Headline gossip: "Star spotted in Rome", "Firm eyes rival", "Club mulls move" pass a rumour on. They hedge a
 * report's headline, and nothing in a sentence, where they narrate ("the crew spotted five boats", "the minister
 * weighs her options").
 */
export const GOSSIP_CUES = ['spotted', 'tipped', 'eyes', 'weighs', 'mulls'];

/**
 * In a headline, attribution is itself a hedge: "X says", "Report:", "according to"
 * pass a claim on without the outlet asserting it (in an article body they are
 * ordinary sourcing and do not hedge).
 */
export const HEADLINE_HEDGE_CUES = [
  'report',
  'reports',
  'reported',
  'says',
  'said',
  'say',
  'according',
  'sources',
  'source',
  'plans',
  'plan',
  'planning',
  'expected',
  'probably',
  'allegations',
  'accused',
  'insider',
  'leak',
  'leaked',
  'leaks',
  'rumoured',
  'tipped',
  'apparent',
  'suspected',
  'warns',
  'believes',
  'thinks',
  'wants',
  'hopes',
  'if',
  'accuses',
  'accused',
  'predicts',
  'predicted',
  'sees',
  'pegs',
  'fear',
  'fears',
  'eyes',
  'estimate',
  'estimates',
  'forecast',
  'forecasts',
  'analyst',
  'analysts',
  'speculates',
  'suggest',
  'suggests',
  'hints',
  'considering',
  'mulls',
  'weighs',
  'working on',
];

/** Generic subjects that open news sentences: capitalised there, but never names. */
export const GENERIC_SUBJECTS = new Set(
  `people police officials residents thieves robbers rescuers troops soldiers witnesses experts scientists researchers
  workers students villagers protesters demonstrators authorities investigators doctors firefighters pirates gunmen
  attackers militants rebels refugees survivors victims families children parents analysts critics lawmakers voters
  reports sources many several some most all both earthquake quake fire floods storms navy army government`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export const TITLES = new Set(
  `mr mrs ms miss dr prof sir dame lord lady gen general col colonel lt lieutenant maj major capt captain sgt sergeant
  adm admiral cmdr president vice prime minister deputy secretary senator sen rep representative gov governor mayor
  king queen prince princess pope rev reverend father sheikh imam judge justice chief commander ambassador st saint
  sheriff prosecutor spokesman spokeswoman spokesperson assistant acting interim former`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** A minister's field, part of the title ("Defence Minister"): not a place the office belongs to. */
export const PORTFOLIOS = new Set(
  'defence defense foreign interior home finance justice health education trade energy environment agriculture labour labor transport state'.split(
    ' ',
  ),
);

/**
 * Capitals that news uses for their country's government, with the country's name tokens (a name
 * token, lower case): "Washington" for the United States, "Khartoum" for Sudan.
 */
export const CAPITAL_OF: Record<string, string[]> = {
  washington: ['us', 'usa', 'america', 'united states'],
  moscow: ['russia'],
  beijing: ['china'],
  tehran: ['iran'],
  khartoum: ['sudan'],
  juba: ['south sudan'],
  kyiv: ['ukraine'],
  kiev: ['ukraine'],
  pyongyang: ['north korea'],
  seoul: ['south korea'],
  tokyo: ['japan'],
  ankara: ['turkey'],
  riyadh: ['saudi arabia'],
  damascus: ['syria'],
  baghdad: ['iraq'],
  kabul: ['afghanistan'],
  islamabad: ['pakistan'],
  'new delhi': ['india'],
  delhi: ['india'],
  brussels: ['eu', 'european union'],
  paris: ['france'],
  london: ['britain', 'uk', 'united kingdom'],
  berlin: ['germany'],
  rome: ['italy'],
  madrid: ['spain'],
  ottawa: ['canada'],
  canberra: ['australia'],
  cairo: ['egypt'],
  tripoli: ['libya'],
  niamey: ['niger'],
  bamako: ['mali'],
  ouagadougou: ['burkina faso'],
  abuja: ['nigeria'],
  nairobi: ['kenya'],
  'addis ababa': ['ethiopia'],
  caracas: ['venezuela'],
  havana: ['cuba'],
  brasilia: ['brazil'],
  athens: ['greece'],
  jakarta: ['indonesia'],
  manila: ['philippines'],
  hanoi: ['vietnam'],
  bangkok: ['thailand'],
  dhaka: ['bangladesh'],
  kathmandu: ['nepal'],
  mogadishu: ['somalia'],
};

/** Compass points in degrees: "55 km west of Bireun" and "55 km south of Bireun" are two places (slots/directions.ts). */
export const COMPASS: Record<string, number> = {
  north: 0,
  'north-northeast': 22.5,
  northeast: 45,
  'east-northeast': 67.5,
  east: 90,
  'east-southeast': 112.5,
  southeast: 135,
  'south-southeast': 157.5,
  south: 180,
  'south-southwest': 202.5,
  southwest: 225,
  'west-southwest': 247.5,
  west: 270,
  'west-northwest': 292.5,
  northwest: 315,
  'north-northwest': 337.5,
};

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/**
 * Units of a length of time, in hours: "for ten days" (240) and "lasted 48 hours" (48) measure one thing and differ
 * (slots/quantities.ts). A month and a year are their average lengths.
 */
export const DURATION_HOURS: Record<string, number> = {
  second: 1 / 3600,
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 168,
  fortnight: 336,
  month: 730.5,
  year: 8766,
  decade: 87_660,
};

/** Nouns for people, singular: what "20,000 people" may count ("20,000 protesters") and "a clerk dead" counts one of. */
export const PERSON_NOUNS =
  `man woman boy girl child person baby receptionist worker employee officer policeman policewoman soldier troop
  civilian guard teacher student resident passenger driver pilot manager partner clerk nurse doctor tourist villager farmer fisherman
  journalist photographer bystander customer shopkeeper protester demonstrator marcher rioter firefighter pedestrian refugee pirate
  fighter rebel militant migrant pilgrim survivor victim hostage prisoner member supporter voter fan spectator youth adult`
    .split(/\s+/)
    .filter((w) => w.length > 0);
