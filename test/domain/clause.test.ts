// Clause structure on invented news sentences: the main verb, its roles through the passive, the negation
// that reaches it (not one in a subordinate clause), and whether it states an act, a plan, a hedge or a question.
import { describe, expect, it } from 'vitest';
import { clauseOf, rolesSwapped, sameRoles } from '../../lib/domain/clause.js';
import { isHedged } from '../../lib/domain/slots/polarity.js';

type Row = [
  sentence: string,
  predicate: string,
  agent: string | null,
  patient: string | null,
  passive: boolean,
  negated: boolean,
  modality: string,
];

const SENTENCES: Row[] = [
  ['Police arrested the mayor of Eastline on Tuesday.', 'arrest', 'police', 'mayor', false, false, 'act'],
  ['The mayor was arrested by police on Tuesday.', 'arrest', 'police', 'mayor', true, false, 'act'],
  ['The council did not approve the budget.', 'approve', 'council', 'budget', false, true, 'act'],
  ['The company plans to shut down its factory in Westmark.', 'shut down', 'company', 'factory', false, false, 'plan'],
  ['Rebels reportedly seized the town of Northbridge.', 'seize', 'rebel', 'town', false, false, 'hedge'],
  ['The minister will resign next week.', 'resign', 'minister', null, false, false, 'plan'],
  ['Floods have destroyed more than 200 homes.', 'destroy', 'flood', 'home', false, false, 'act'],
  ['The bridge was closed to traffic on Monday.', 'close', null, 'bridge', true, false, 'act'],
  ['The army never attacked the camp.', 'attack', 'army', 'camp', false, true, 'act'],
  ['Officials said the fire killed three people.', 'kill', 'fire', 'people', false, false, 'act'],
  ["The bridge didn't close, police said.", 'close', 'bridge', null, false, true, 'act'],
  ['Police said the bridge did not close.', 'close', 'bridge', null, false, true, 'act'],
  ['The man who did not pay the fine was arrested on Friday.', 'arrest', null, 'man', true, false, 'act'],
  ['The government denied that troops had fired on protesters.', 'fire', 'troop', null, false, true, 'act'],
  ['The central bank is set to raise interest rates.', 'raise', 'bank', 'rate', false, false, 'plan'],
  ['The president may have misled Congress.', 'mislead', 'president', 'congress', false, false, 'hedge'],
  ['The singer is said to have left the band.', 'leave', 'singer', 'band', false, false, 'hedge'],
  ['Did the storm damage the power station?', 'damage', 'storm', 'station', false, false, 'question'],
  ['Engineers no longer expect the dam to hold.', 'expect', 'engineer', 'dam', false, true, 'act'],
  [
    'Striking workers shut down the port of Southhaven on Wednesday.',
    'shut down',
    'worker',
    'port',
    false,
    false,
    'act',
  ],
  ['The ruling party won the election by a wide margin.', 'win', 'party', 'election', false, false, 'act'],
  ['The challenger beat the champion in the final.', 'beat', 'challenger', 'champion', false, false, 'act'],
  ['The champion was beaten by the challenger.', 'beat', 'challenger', 'champion', true, false, 'act'],
  ['A powerful earthquake struck the island early on Sunday.', 'strike', 'earthquake', 'island', false, false, 'act'],
  ['The airline intends to cut 2,000 jobs.', 'cut', 'airline', 'job', false, false, 'plan'],
  ['Protesters allegedly set fire to the embassy.', 'set', 'protester', 'fire', false, false, 'hedge'],
  ['Two suspects were charged with murder after the attack.', 'charge', null, 'suspect', true, false, 'act'],
  ['The hospital has not received any supplies since March.', 'receive', 'hospital', 'supply', false, true, 'act'],
  [
    'Investors pulled out billions of dollars from the fund last month.',
    'pull out',
    'investor',
    'billion',
    false,
    false,
    'act',
  ],
  [
    'The prime minister, who took office in 2021, announced new taxes on Monday.',
    'announce',
    'minister',
    'tax',
    false,
    false,
    'act',
  ],
  [
    "The company's chief executive stepped down after the scandal.",
    'step down',
    'executive',
    null,
    false,
    false,
    'act',
  ],
  ['The ship will be towed to the harbour.', 'tow', null, 'ship', true, false, 'plan'],
  [
    'Thieves stole jewels worth 10 million euros from a store in the capital.',
    'steal',
    'thief',
    'jewel',
    false,
    false,
    'act',
  ],
  [
    'After the storm hit the coast, thousands of residents fled their homes.',
    'flee',
    'thousand',
    'home',
    false,
    false,
    'act',
  ],
  ['The talks failed to produce a ceasefire.', 'produce', 'talk', 'ceasefire', false, true, 'act'],
  [
    'According to the ministry, soldiers killed four militants near the border.',
    'kill',
    'soldier',
    'militant',
    false,
    false,
    'act',
  ],
  ['Will the government raise taxes?', 'raise', 'government', 'tax', false, false, 'question'],
  ['The council will close the bridge to traffic.', 'close', 'council', 'bridge', false, false, 'plan'],
  ['The union is expected to call off the strike.', 'call off', 'union', 'strike', false, false, 'plan'],
  // A proposal's object is only planned; an adverb may stand before a plan adjective.
  ['Holm council has proposed a new library.', 'propose', 'council', 'library', false, false, 'plan'],
  ['The tunnel is only due to open in 2029.', 'open', 'tunnel', null, false, false, 'plan'],
  // "is to" says what will be; "is to blame" says who caused it.
  ['The council is to close the bridge.', 'close', 'council', 'bridge', false, false, 'plan'],
  ['The storm is to blame for the flooding.', 'blame', 'storm', null, false, false, 'act'],
  [
    'A spokesman denied that the factory had leaked chemicals into the river.',
    'leak',
    'factory',
    'chemical',
    false,
    true,
    'act',
  ],
  ['The museum refused to return the statue.', 'return', 'museum', 'statue', false, true, 'act'],
];

describe('clauseOf', () => {
  it.each(SENTENCES)('%s', (sentence, predicate, agent, patient, passive, negated, modality) => {
    const c = clauseOf(sentence);
    expect({
      predicate: c.predicate,
      agent: c.agent?.head ?? null,
      patient: c.patient?.head ?? null,
      passive: c.passive,
      negated: c.negated,
      modality: c.modality,
    }).toEqual({
      predicate,
      agent,
      patient,
      passive,
      negated,
      modality,
    });
  });

  it('keeps the subject and object phrases as written', () => {
    const c = clauseOf('Striking workers shut down the port of Southhaven on Wednesday.');
    expect(c.subject).toEqual({ head: 'worker', phrase: 'Striking workers' });
    expect(c.object).toEqual({ head: 'port', phrase: 'the port' });
  });

  it('credits reported speech to its source', () => {
    expect(clauseOf('Police said the bridge did not close.').attribution).toEqual({
      source: { head: 'police', phrase: 'Police' },
      verb: 'say',
    });
    expect(
      clauseOf('The two countries signed a trade deal on Friday, the foreign ministry said.').attribution?.source?.head,
    ).toBe('ministry');
    expect(clauseOf('According to the ministry, soldiers killed four militants.').attribution?.verb).toBe(
      'according to',
    );
    // A denial by gerund credits the denier only when no one else is credited.
    expect(clauseOf('The mayor denied selling the land, police said.').attribution).toEqual({
      source: { head: 'police', phrase: 'police' },
      verb: 'say',
    });
    expect(clauseOf('The mayor refused to sell the land, police said.')).toMatchObject({
      refused: true,
      attribution: { source: { head: 'police', phrase: 'police' }, verb: 'say' },
    });
  });

  it('reads a negation in a subordinate clause as not reaching the main verb', () => {
    expect(clauseOf('The driver, who had not slept for two days, crashed the lorry into a wall.')).toMatchObject({
      predicate: 'crash',
      negated: false,
    });
    expect(clauseOf('Police did not say whether the bridge closed.').negated).toBe(false);
  });

  it('reads a past form the tagger took for a noun after the subject as the verb', () => {
    expect(clauseOf('A Tennick man chopped off his own finger with an axe.').predicate).toBe('chop off');
    // The negated gerund after "with" is not the main verb either.
    const frustrated = 'A Tennick man chopped off his finger due to his frustration with not finding work.';
    expect(clauseOf(frustrated)).toMatchObject({ predicate: 'chop off', negated: false });
  });

  it('keeps a name whole as the head', () => {
    expect(clauseOf('Jane Doe defeated John Roe in the runoff.')).toMatchObject({
      agent: { head: 'jane doe' },
      patient: { head: 'john roe' },
    });
  });

  it('falls back on text it cannot read', () => {
    for (const text of ['', '   ', 'Breaking news.', '12345', 'The quiet streets of the old town at dawn']) {
      const c = clauseOf(text);
      expect(c.complete).toBe(false);
      expect(c.predicate).toBe('');
    }
  });

  it('survives a long news sentence', () => {
    const long = `The regional governor, who had been in office for barely three months and who faced mounting criticism from opposition lawmakers over the handling of the floods that swept through the valley in early spring, announced on Thursday that the provincial government would release emergency funds for the families of the victims, officials said.`;
    const c = clauseOf(long);
    expect(c.complete).toBe(true);
    expect(c.predicate).toBe('release');
    expect(c.modality).toBe('plan');
  });
});

describe('roles', () => {
  const claim = clauseOf('Northfield beat Southport in the final.');
  it('sees a swap, active or passive', () => {
    expect(rolesSwapped(claim, clauseOf('Southport beat Northfield in the final.'))).toBe(true);
    expect(rolesSwapped(claim, clauseOf('Northfield were beaten by Southport in the final.'))).toBe(true);
    expect(sameRoles(claim, clauseOf('Southport was beaten by Northfield on Sunday.'))).toBe(true);
    expect(rolesSwapped(claim, clauseOf('Southport was beaten by Northfield on Sunday.'))).toBe(false);
  });
  it('sees the same roles and no swap in a restatement', () => {
    const again = clauseOf('Northfield beat Southport 3-1 on Saturday.');
    expect(sameRoles(claim, again)).toBe(true);
    expect(rolesSwapped(claim, again)).toBe(false);
  });
  it('says nothing when a role is unknown', () => {
    expect(rolesSwapped(claim, clauseOf('Southport lost.'))).toBe(false);
    expect(sameRoles(claim, clauseOf('Breaking news.'))).toBe(false);
  });
  it('reads a swap in reported speech', () => {
    expect(
      rolesSwapped(
        clauseOf('Police arrested the protesters.'),
        clauseOf('Witnesses said the protesters had arrested a police officer.'),
      ),
    ).toBe(false);
    expect(
      rolesSwapped(
        clauseOf('The army attacked the rebels.'),
        clauseOf('The ministry said the rebels attacked the army.'),
      ),
    ).toBe(true);
  });
});

describe('irregular past forms', () => {
  it('reads an irregular past form the tagger took for a noun as the verb', () => {
    expect(clauseOf('Rebel forces shot down a helicopter over the town.')).toMatchObject({
      predicate: 'shoot down',
      agent: { head: 'force' },
      patient: { head: 'helicopter' },
    });
    // A plural noun before a preposition stays the subject's noun.
    expect(clauseOf('Government forces in the north took the town.').predicate).toBe('take');
  });
});

describe('phrasal verbs', () => {
  it('joins an adverb to the verb when WordNet knows the two as one verb', () => {
    expect(clauseOf('The Tolbridge regatta went ahead despite high winds.').predicate).toBe('go ahead');
    expect(clauseOf('The Tolbridge regatta went well despite high winds.').predicate).toBe('go');
  });
});

describe('sources and their asides', () => {
  it('reads a reporting verb in the passive as the act, not as reported speech', () => {
    expect(clauseOf('Tom Harker was denied a gun licence in March.')).toMatchObject({
      predicate: 'deny',
      passive: true,
      negated: false,
    });
    expect(clauseOf('Tom Harker was denied a gun licence in March.').attribution).toBeUndefined();
  });

  it('credits a sentence to a source named at the end though a relative clause on the source follows', () => {
    const c = clauseOf('The depot closed in March, said Inspector Hale, who would not say why.');
    expect(c).toMatchObject({ predicate: 'close', modality: 'act', attribution: { verb: 'say' } });
    expect(isHedged('The depot closed in March, said Inspector Hale, who would not say why.')).toBe(false);
    expect(isHedged('The depot may have closed in March, said Inspector Hale, who gave no reason.')).toBe(true);
  });
});
