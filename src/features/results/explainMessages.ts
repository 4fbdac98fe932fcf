import { defineMessages } from '../../i18n/defineMessages';

/**
 * What the figures mean, in words a police officer or a social worker understands at first read.
 * One text per idea, used by the results page, the deck's reading slide and the report, so the
 * three never explain the same figure in different words (docs/language.md, "Plain words first").
 * The statistical detail sits in its own sentence behind the plain one.
 */
export const explainMessages = defineMessages(
  {
    explainTitle: 'Wat betekent dit?',
    readingTitle: 'Zo leest u de resultaten',
    readingLead: 'Een paar woorden vooraf, zodat iedereen dezelfde figuren leest.',
    topic_mean: 'Gemiddelde',
    topic_p: 'p en bespreekpunt',
    topic_knobs: 'Knoppen',
    topic_indicative: 'Sterretje (*)',
    explain_thermometer: 'De thermometerstellingen meten hoe we ervoor staan: gaat het gezamenlijke werk met de gezinnen goed? Zoals een thermometer de temperatuur aangeeft.',
    explain_thermostat: 'De thermostaatstellingen gaan over de knoppen waaraan we kunnen draaien: staan de afspraken, het overleg en de andere voorwaarden goed? Daarop kan de ketenregisseur sturen, zoals een thermostaat de temperatuur regelt.',
    explain_mean: 'Elke deelnemer koos 1 (helemaal oneens) tot 5 (helemaal eens); "weet niet" telt niet mee. Het gemiddelde van een partner: de scores van zijn mensen opgeteld en gedeeld door hun aantal. Boven 3 zijn ze het eerder eens, onder 3 eerder oneens.',
    explain_meanDetail: 'Het ketengemiddelde laat elke partner even zwaar tellen, hoeveel mensen hij ook stuurde. Het gewogen gemiddelde telt elke deelnemer even zwaar, zodat een grote groep meer meeweegt.',
    explain_gap: 'Het verschil is het hoogste gemiddelde van een partner min het laagste. Een groot verschil betekent: de partners beleven hetzelfde anders. Daarover gaat het gesprek.',
    explain_p: 'Met weinig mensen per partner kan toeval alleen al een groot verschil geven. p zegt hoe vaak een verschil van deze omvang voorkomt als de partners het eigenlijk eens zijn: hoe kleiner p, hoe minder het op toeval lijkt. Een verschil van minstens {gap} punt met p onder {alpha} heet een bespreekpunt (dichte vlag). Is p groter, dan kan het toeval zijn (open vlag); het blijft zichtbaar.',
    explain_pDetail: 'Voor wie het precies wil weten: de toets is Kruskal–Wallis. Hij zet alle scores op volgorde en vergelijkt de plaatsen van de groepen. p komt uit alle manieren waarop dezelfde scores over de groepen verdeeld hadden kunnen worden ("exact"); zijn dat er te veel, dan uit {draws} willekeurige verdelingen ("Monte Carlo", met de onzekerheid erbij).',
    explain_consensus: 'Consensus is een getal van 0 tot 1. 1: iedereen gaf hetzelfde antwoord. 0: de antwoorden zijn verdeeld over de twee uitersten, helemaal oneens en helemaal eens. Hoe lager, hoe meer de antwoorden uiteenlopen.',
    explain_knobs: 'De knoppen zijn de thermostaatstellingen die het eerst aandacht vragen: waar de keten laag scoort, of waar partners het sterk oneens zijn.',
    explain_indicative: 'Een sterretje (*) staat bij een groep van minder dan {n, plural, one {# deelnemer} other {# deelnemers}}: één antwoord meer of minder verschuift het gemiddelde van zo’n groep flink. Lees het als een indicatie.',
  },
  {
    explainTitle: 'What does this mean?',
    readingTitle: 'How to read the results',
    readingLead: 'A few words first, so everyone reads the figures the same way.',
    topic_mean: 'Average',
    topic_p: 'p and discussion point',
    topic_knobs: 'Knobs',
    topic_indicative: 'Asterisk (*)',
    explain_thermometer: 'The thermometer statements measure how we are doing: is the joint work with the families going well? Just as a thermometer shows the temperature.',
    explain_thermostat: 'The thermostat statements are about the knobs we can turn: are the agreements, the meetings and the other conditions in place? The chain director can steer on these, as a thermostat sets the temperature.',
    explain_mean: 'Every participant chose 1 (strongly disagree) to 5 (strongly agree); "don\'t know" does not count. A partner\'s average: its people\'s scores added up and divided by their number. Above 3 they tend to agree, below 3 they tend to disagree.',
    explain_meanDetail: 'The chain average lets every partner count equally, however many people it sent. The weighted average lets every participant count equally, so a large group weighs more.',
    explain_gap: 'The gap is the highest average of a partner minus the lowest. A large gap means: the partners experience the same thing differently. That is what the conversation is about.',
    explain_p: 'With few people per partner, chance alone can make a large gap. p says how often a gap this large occurs when the partners in fact agree: the smaller p, the less it looks like chance. A gap of at least {gap} points with p below {alpha} is called a discussion point (filled flag). With a larger p it could be chance (open flag); it stays visible.',
    explain_pDetail: 'For those who want the detail: the test is Kruskal–Wallis. It puts all scores in order and compares the places of the groups. p comes from every way the same scores could have been spread over the groups ("exact"); when there are too many ways, from {draws} random spreads ("Monte Carlo", with its uncertainty beside it).',
    explain_consensus: 'Consensus is a number from 0 to 1. 1: everybody gave the same answer. 0: the answers are split between the two extremes, strongly disagree and strongly agree. The lower, the more the answers differ.',
    explain_knobs: 'The knobs are the thermostat statements that need attention first: where the chain scores low, or where partners disagree strongly.',
    explain_indicative: 'An asterisk (*) marks a group of fewer than {n, plural, one {# participant} other {# participants}}: one answer more or less moves such a group\'s average a lot. Read it as an indication.',
  },
);

/** One idea the explanations cover. */
export type ExplainTopic = 'thermometer' | 'thermostat' | 'mean' | 'gap' | 'p' | 'consensus' | 'knobs' | 'indicative';

/** Every idea, in the order the deck's reading slide and the report's opening explain them. */
export const ALL_TOPICS: readonly ExplainTopic[] = ['thermometer', 'thermostat', 'mean', 'gap', 'p', 'consensus'];
