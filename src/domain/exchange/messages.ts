import { formatBytes, formatDateTime } from '../format';
import { VOTES_PER_PERSON } from '../agreements/types';
import { SETTINGS_LIMITS } from '../settingsLimits';
import { EXCHANGE_LIMITS, EXCHANGE_VERSION } from './types';
import type { Answer, Language, Level, Response } from '../types';
import { renderValue, type ExchangeError, type ExpectedKind, type FoundKind } from './errors';
import type { HandoffTextField } from './handoff';
import type { ImportConflict, ImportNote, ImportRefusal, ImportScanInfo, ResponseField, ScanDetailField } from './planImport';

// Human sentences for everything the exchange domain reports, in Dutch and English. They live
// here rather than in the app's i18n tables so the domain stays self-contained and the exchange
// feature (lazy-loaded) brings its own texts. Values from a file are shown as data, rendered by
// renderValue (quoted, invisible characters escaped, truncated); nothing here is HTML.
//
// A message names the file, the place and the problem:
//   "file 2, scans[0].responses[12].answers.q05: 7 is not on the 1–5 scale"

interface ExchangeMessages {
  fileNumber(n: number): string;
  expected: Record<ExpectedKind, string>;
  empty: string;
  tooLarge(limit: string, actual: string | null): string;
  utf16: string;
  invalidUtf8: string;
  notJson(line: number | undefined, column: number | undefined): string;
  truncated: string;
  forbiddenKey(value: string): string;
  tooDeep(limit: string): string;
  notAnObject(found: FoundKind): string;
  wrongFormat(value: string | undefined): string;
  futureVersion(value: string): string;
  unsupportedVersion(value: string, found: FoundKind | undefined): string;
  missingField: string;
  isNot(value: string, expected: string): string;
  answerOutOfRange(value: string): string;
  emptyText: string;
  textTooLong(actual: string, limit: string): string;
  tooMany(actual: string, limit: string): string;
  noStatements: string;
  noOrganisations: string;
  unknownStatement(value: string): string;
  unknownDimension(value: string): string;
  unknownOrganisation(value: string): string;
  duplicateScanId(value: string, first: string): string;
  duplicateResponseId(value: string, first: string): string;
  duplicateId(value: string, first: string): string;
  noPartners: string;
  notAnOption(value: string): string;
  missingCount(value: string): string;
  voteInOtherScan(value: string, scan: string): string;
  versionContentDiffers(value: string, first: string): string;
  notAHandoff: string;
  handoffMalformed: string;
  handoffUnknownScan(value: string): string;
  handoffInstrumentMismatch: string;
  // Import plan
  storedOnDevice: string;
  instrumentDiffers(title: string, existing: string, incoming: string, where: string, responses: number): string;
  responseInOtherScan(id: string, where: string): string;
  recordInOtherScan(record: 'agreement' | 'vote', id: string, where: string): string;
  unknownVote(agreementId: string, voteId: string): string;
  scanDetailsDiffer(fields: string, where: string): string;
  organisationsAdded(names: string): string;
  organisationNameDiffers(kept: string, incoming: string): string;
  scanDetailField: Record<ScanDetailField, string>;
  responseField: Record<ResponseField, string>;
  handoffOmitted(fields: string): string;
  handoffField: Record<HandoffTextField, string>;
  /** Joins names the language's way: "A, B en C" (Intl.ListFormat is plain JavaScript, no UI layer). */
  list: Intl.ListFormat;
  // Conflicts
  conflictWho(organisation: string, submitted: string, title: string): string;
  inFile(n: number): string;
  statement(n: number): string;
  commentOn(n: number): string;
  noAnswer: string;
  dontKnow: string;
  noText: string;
  notSubmitted: string;
  submitted: string;
  level: Record<Level | 'none', string>;
}

const LIMITS = SETTINGS_LIMITS;

const EN_FOUND: Record<FoundKind, string> = {
  object: 'an object',
  list: 'a list (a JSON array, starting with [)',
  null: 'only the value null',
  text: 'only a text',
  number: 'only a number',
  boolean: 'only true or false',
};

const NL_FOUND: Record<FoundKind, string> = {
  object: 'een object',
  list: 'een lijst (een JSON-array, die begint met [)',
  null: 'alleen de waarde null',
  text: 'alleen een tekst',
  number: 'alleen een getal',
  boolean: 'alleen true of false',
};

const EN: ExchangeMessages = {
  fileNumber: (n) => `file ${n}`,
  expected: {
    text: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    list: 'a list',
    object: 'an object (a group of named fields)',
    uuid: 'a UUID',
    id: `a valid id (1 to ${EXCHANGE_LIMITS.id} characters, no spaces at either end)`,
    date: 'a date (yyyy-mm-dd)',
    timestamp: 'a timestamp with time zone (e.g. 2026-11-22T10:03:12.000Z)',
    level: 'a level ("uitvoering", "management", "bestuur" or null)',
    kind: 'a kind ("thermometer" or "thermostat")',
    'min-group-size': `a minimum group size (a whole number from ${LIMITS.minGroupSize.min} to ${LIMITS.minGroupSize.max})`,
    'gap-threshold': `a threshold (a number above ${LIMITS.gapThreshold.above} and at most ${LIMITS.gapThreshold.max})`,
    version: 'a version number (a whole number from 1)',
    language: 'a language ("nl" or "en")',
    round: 'a round number (a whole number from 1 to 1000)',
    'vote-method': 'a way of voting ("phones" or "hands")',
    'option-kind': 'a kind of option ("discussionPoint" or "uncertainDifference")',
    'votes-per-person': `a number of votes per person (a whole number from ${VOTES_PER_PERSON.min} to ${VOTES_PER_PERSON.max})`,
    count: 'a count (a whole number from 0)',
    'follow-up-status': 'a follow-up status ("done", "underway" or "dropped")',
  },
  empty: 'the file is empty',
  tooLarge: (limit, actual) => (actual ? `the file is ${actual}, more than the ${limit} allowed` : `the file is larger than the ${limit} allowed`),
  utf16: 'the file is UTF-16 text without a byte order mark; save it as UTF-8 and try again',
  invalidUtf8: 'the file is not readable UTF-8 text',
  notJson: (line, column) =>
    line === undefined ? 'this is not a JSON file' : `this is not a JSON file (it cannot be read from line ${line}, column ${column ?? '?'})`,
  truncated: 'the file stops halfway: it is incomplete, perhaps cut off while copying or downloading',
  forbiddenKey: (value) => `the name ${value} is not allowed in a Ketenscan file`,
  tooDeep: (limit) => `the file nests lists and objects more than ${limit} levels deep; a Ketenscan file needs fewer than 10`,
  notAnObject: (found) =>
    `the file holds ${EN_FOUND[found]}, not one object: a Ketenscan file starts with { and has "format": "ketenscan"`,
  wrongFormat: (value) =>
    value === undefined
      ? 'this is not a Ketenscan file: the field "format" with the value "ketenscan" is missing'
      : `this is not a Ketenscan file: its "format" is ${value}, where a Ketenscan file has "ketenscan"`,
  futureVersion: (value) => `the file was made by a newer version of Ketenscan (format version ${value}); update this app to read it`,
  unsupportedVersion: (value, found) =>
    found === 'text'
      ? `the version is the text ${value}; it must be the number ${EXCHANGE_VERSION}, without quotes`
      : `${value} is not a known format version; it must be the number ${EXCHANGE_VERSION}`,
  missingField: 'this required field is missing',
  isNot: (value, expected) => `${value} is not ${expected}`,
  answerOutOfRange: (value) => `${value} is not on the 1–5 scale (an answer is 1, 2, 3, 4, 5 or "dk")`,
  emptyText: 'this text is empty',
  textTooLong: (actual, limit) => `a text of ${actual} characters is longer than the ${limit} allowed`,
  tooMany: (actual, limit) => `${actual} entries are more than the ${limit} allowed`,
  noStatements: 'the scan has no statements',
  noOrganisations: 'the scan has no organisations',
  unknownStatement: (value) => `${value} is not a statement of this scan's instrument`,
  unknownDimension: (value) => `${value} is not a dimension of this instrument`,
  unknownOrganisation: (value) => `${value} is not one of this scan's organisations`,
  duplicateScanId: (value, first) => `scan id ${value} occurs twice (first at ${first})`,
  duplicateResponseId: (value, first) => `response id ${value} occurs twice (first at ${first})`,
  duplicateId: (value, first) => `id ${value} occurs twice (first at ${first})`,
  noPartners: 'the agreement names no partner: at least one organisation of the scan takes it up',
  notAnOption: (value) => `${value} is not an option of this vote, so it cannot have a count`,
  missingCount: (value) => `the option ${value} of this vote has no count (write 0 when it got no votes)`,
  voteInOtherScan: (value, scan) => `vote ${value} belongs to another scan (${scan}); an agreement can only name a vote of its own scan`,
  versionContentDiffers: (value, first) => `questionnaire version ${value} occurs with other statements or texts at ${first}; one version id is one unchanging questionnaire`,
  notAHandoff: 'this is not a Ketenscan response code',
  handoffMalformed: 'the response code is damaged or incomplete',
  handoffUnknownScan: (value) => `the response belongs to a scan that is not on this device (scan ${value})`,
  handoffInstrumentMismatch: 'the response was given to other statements than the scan on this device',
  storedOnDevice: 'the copy on this device',
  instrumentDiffers: (title, existing, incoming, where, responses) =>
    `scan ${title} has other statements (${incoming}) than ${where} (${existing}); the scan and ${responses === 1 ? 'its one response are' : `its ${formatNumber(responses, 'en')} responses are`} not read in`,
  responseInOtherScan: (id, where) => `response ${id} already belongs to another scan in ${where}; it is not read in`,
  recordInOtherScan: (record, id, where) => `${record === 'agreement' ? 'agreement' : 'vote'} ${id} already belongs to another scan in ${where}; it is not read in`,
  unknownVote: (agreementId, voteId) => `agreement ${agreementId} names vote ${voteId}, which is neither in the import nor on this device; the agreement is not read in`,
  scanDetailsDiffer: (fields, where) => `${fields}: this file differs from ${where}, which is kept`,
  organisationsAdded: (names) => `organisations added to the scan: ${names}`,
  organisationNameDiffers: (kept, incoming) => `organisation ${incoming} is known here as ${kept}; the name ${kept} is kept`,
  scanDetailField: { title: 'title', date: 'date', settings: 'settings' },
  responseField: {
    organisationId: 'organisation',
    level: 'level',
    submittedAt: 'time of submission',
    answers: 'answers',
    comments: 'comments',
    keywords: 'keywords',
    improvement: 'point to improve',
    status: 'status (not yet submitted on this device)',
  },
  handoffOmitted: (fields) => `the ${fields} did not fit in the code; send the file to pass them on`,
  handoffField: { comments: 'comments', improvement: 'point to improve', keywords: 'keywords' },
  list: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }),
  conflictWho: (organisation, submitted, title) => `Response of ${organisation}, sent in on ${submitted}, in scan ${title}`,
  inFile: (n) => `in file ${n}`,
  statement: (n) => `Statement ${n}`,
  commentOn: (n) => `Comment on statement ${n}`,
  noAnswer: 'no answer',
  dontKnow: "don't know",
  noText: '(none)',
  notSubmitted: 'not sent in yet',
  submitted: 'sent in',
  level: { uitvoering: 'front line', management: 'management', bestuur: 'board', none: 'not given' },
};

const NL: ExchangeMessages = {
  fileNumber: (n) => `bestand ${n}`,
  expected: {
    text: 'tekst',
    number: 'getal',
    integer: 'geheel getal',
    boolean: 'waarde true of false',
    list: 'lijst',
    object: 'object (groep benoemde velden)',
    uuid: 'UUID',
    id: `geldige id (1 tot en met ${EXCHANGE_LIMITS.id} tekens, zonder spaties aan begin of eind)`,
    date: 'datum (jjjj-mm-dd)',
    timestamp: 'tijdstip met tijdzone (bijv. 2026-11-22T10:03:12.000Z)',
    level: 'niveau ("uitvoering", "management", "bestuur" of null)',
    kind: 'soort ("thermometer" of "thermostat")',
    'min-group-size': `minimale groepsgrootte (geheel getal van ${LIMITS.minGroupSize.min} tot en met ${LIMITS.minGroupSize.max})`,
    'gap-threshold': `drempel (getal groter dan ${LIMITS.gapThreshold.above} en hoogstens ${LIMITS.gapThreshold.max})`,
    version: 'versienummer (geheel getal vanaf 1)',
    language: 'taal ("nl" of "en")',
    round: 'rondenummer (geheel getal van 1 tot en met 1000)',
    'vote-method': 'manier van stemmen ("phones" of "hands")',
    'option-kind': 'soort keuze ("discussionPoint" of "uncertainDifference")',
    'votes-per-person': `aantal stemmen per persoon (geheel getal van ${VOTES_PER_PERSON.min} tot en met ${VOTES_PER_PERSON.max})`,
    count: 'aantal (geheel getal vanaf 0)',
    'follow-up-status': 'stand van de opvolging ("done", "underway" of "dropped")',
  },
  empty: 'het bestand is leeg',
  tooLarge: (limit, actual) => (actual ? `het bestand is ${actual}, groter dan de toegestane ${limit}` : `het bestand is groter dan de toegestane ${limit}`),
  utf16: 'het bestand is UTF-16-tekst zonder byte order mark; sla het op als UTF-8 en probeer het opnieuw',
  invalidUtf8: 'het bestand is geen leesbare UTF-8-tekst',
  notJson: (line, column) =>
    line === undefined ? 'dit is geen JSON-bestand' : `dit is geen JSON-bestand (het is onleesbaar vanaf regel ${line}, kolom ${column ?? '?'})`,
  truncated: 'het bestand houdt halverwege op: het is onvolledig, misschien afgebroken bij het kopiëren of downloaden',
  forbiddenKey: (value) => `de naam ${value} is niet toegestaan in een Ketenscan-bestand`,
  tooDeep: (limit) => `het bestand nest lijsten en objecten meer dan ${limit} niveaus diep; een Ketenscan-bestand heeft er minder dan 10 nodig`,
  notAnObject: (found) =>
    `het bestand bevat ${NL_FOUND[found]}, geen object: een Ketenscan-bestand begint met { en heeft "format": "ketenscan"`,
  wrongFormat: (value) =>
    value === undefined
      ? 'dit is geen Ketenscan-bestand: het veld "format" met de waarde "ketenscan" ontbreekt'
      : `dit is geen Ketenscan-bestand: het "format" is ${value}, waar een Ketenscan-bestand "ketenscan" heeft`,
  futureVersion: (value) => `het bestand is gemaakt met een nieuwere versie van Ketenscan (formaatversie ${value}); werk deze app bij om het te lezen`,
  unsupportedVersion: (value, found) =>
    found === 'text'
      ? `de versie is de tekst ${value}; het moet het getal ${EXCHANGE_VERSION} zijn, zonder aanhalingstekens`
      : `${value} is geen bekende formaatversie; het moet het getal ${EXCHANGE_VERSION} zijn`,
  missingField: 'dit verplichte veld ontbreekt',
  isNot: (value, expected) => `${value} is geen ${expected}`,
  answerOutOfRange: (value) => `${value} ligt niet op de schaal 1–5 (een antwoord is 1, 2, 3, 4, 5 of "dk")`,
  emptyText: 'deze tekst is leeg',
  textTooLong: (actual, limit) => `een tekst van ${actual} tekens is langer dan de toegestane ${limit}`,
  tooMany: (actual, limit) => `${actual} elementen zijn meer dan de toegestane ${limit}`,
  noStatements: 'de scan heeft geen stellingen',
  noOrganisations: 'de scan heeft geen organisaties',
  unknownStatement: (value) => `${value} is geen stelling van het instrument van deze scan`,
  unknownDimension: (value) => `${value} is geen dimensie van dit instrument`,
  unknownOrganisation: (value) => `${value} is geen organisatie van deze scan`,
  duplicateScanId: (value, first) => `scan-id ${value} komt twee keer voor (eerst bij ${first})`,
  duplicateResponseId: (value, first) => `antwoord-id ${value} komt twee keer voor (eerst bij ${first})`,
  duplicateId: (value, first) => `id ${value} komt twee keer voor (eerst bij ${first})`,
  noPartners: 'de afspraak noemt geen partner: minstens één organisatie van de scan pakt die op',
  notAnOption: (value) => `${value} is geen keuze van deze stemming en kan dus geen aantal hebben`,
  missingCount: (value) => `de keuze ${value} van deze stemming heeft geen aantal (schrijf 0 als ze geen stemmen kreeg)`,
  voteInOtherScan: (value, scan) => `stemming ${value} hoort bij een andere scan (${scan}); een afspraak kan alleen een stemming van haar eigen scan noemen`,
  versionContentDiffers: (value, first) => `vragenlijstversie ${value} staat bij ${first} met andere stellingen of teksten; één versie-id is één vragenlijst die niet verandert`,
  notAHandoff: 'dit is geen Ketenscan-antwoordcode',
  handoffMalformed: 'de antwoordcode is beschadigd of onvolledig',
  handoffUnknownScan: (value) => `het antwoord hoort bij een scan die niet op dit apparaat staat (scan ${value})`,
  handoffInstrumentMismatch: 'het antwoord is gegeven op andere stellingen dan die van de scan op dit apparaat',
  storedOnDevice: 'de versie op dit apparaat',
  instrumentDiffers: (title, existing, incoming, where, responses) =>
    `scan ${title} heeft andere stellingen (${incoming}) dan ${where} (${existing}); de scan en ${responses === 1 ? 'zijn ene antwoord worden' : `zijn ${formatNumber(responses, 'nl')} antwoorden worden`} niet ingelezen`,
  responseInOtherScan: (id, where) => `antwoord ${id} hoort al bij een andere scan in ${where}; het wordt niet ingelezen`,
  recordInOtherScan: (record, id, where) => `${record === 'agreement' ? 'afspraak' : 'stemming'} ${id} hoort al bij een andere scan in ${where}; ${record === 'agreement' ? 'ze' : 'die'} wordt niet ingelezen`,
  unknownVote: (agreementId, voteId) => `afspraak ${agreementId} noemt stemming ${voteId}, die niet in de bestanden en niet op dit apparaat staat; de afspraak wordt niet ingelezen`,
  scanDetailsDiffer: (fields, where) => `${fields}: dit bestand wijkt af van ${where}; die blijft staan`,
  organisationsAdded: (names) => `organisaties toegevoegd aan de scan: ${names}`,
  organisationNameDiffers: (kept, incoming) => `organisatie ${incoming} heet hier ${kept}; de naam ${kept} blijft staan`,
  scanDetailField: { title: 'titel', date: 'datum', settings: 'instellingen' },
  responseField: {
    organisationId: 'organisatie',
    level: 'niveau',
    submittedAt: 'tijdstip van insturen',
    answers: 'antwoorden',
    comments: 'toelichtingen',
    keywords: 'trefwoorden',
    improvement: 'verbeterpunt',
    status: 'status (op dit apparaat nog niet ingestuurd)',
  },
  handoffOmitted: (fields) => `niet in de code gepast: ${fields}; stuur het bestand om ook die door te geven`,
  handoffField: { comments: 'toelichtingen', improvement: 'verbeterpunt', keywords: 'trefwoorden' },
  list: new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' }),
  conflictWho: (organisation, submitted, title) => `Antwoord van ${organisation}, ingestuurd op ${submitted}, in scan ${title}`,
  inFile: (n) => `in bestand ${n}`,
  statement: (n) => `Stelling ${n}`,
  commentOn: (n) => `Toelichting bij stelling ${n}`,
  noAnswer: 'geen antwoord',
  dontKnow: 'weet niet',
  noText: '(geen)',
  notSubmitted: 'nog niet ingestuurd',
  submitted: 'ingestuurd',
  level: { uitvoering: 'uitvoering', management: 'management', bestuur: 'bestuur', none: 'niet opgegeven' },
};

const TABLES: Record<Language, ExchangeMessages> = { nl: NL, en: EN };

function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(n);
}

function joinList(parts: readonly string[], t: ExchangeMessages): string {
  return t.list.format(parts);
}

/** Where: "file 2 (export.json), scans[0].responses[12].answers.q05". Empty when nothing is known. */
export function describeErrorPlace(error: Pick<ExchangeError, 'fileNumber' | 'fileLabel' | 'path'>, lang: Language): string {
  const t = TABLES[lang];
  let file = '';
  if (error.fileNumber !== undefined) file = t.fileNumber(error.fileNumber);
  if (error.fileLabel !== undefined) file = file ? `${file} (${error.fileLabel})` : error.fileLabel;
  return [file, error.path].filter((part) => part !== '').join(', ');
}

/** The problem alone, without the place. */
export function describeExchangeProblem(error: ExchangeError, lang: Language): string {
  const t = TABLES[lang];
  const value = error.value ?? '?';
  const expected = error.expected ? t.expected[error.expected] : t.expected.text;
  const number = (n: number | undefined) => (n === undefined ? '?' : formatNumber(n, lang));
  switch (error.code) {
    case 'empty':
      return t.empty;
    case 'too-large':
      return t.tooLarge(formatBytes(error.limit ?? 0, lang), error.actual === undefined ? null : formatBytes(error.actual, lang));
    case 'utf16':
      return t.utf16;
    case 'invalid-utf8':
      return t.invalidUtf8;
    case 'not-json':
      return t.notJson(error.line, error.column);
    case 'truncated':
      return t.truncated;
    case 'forbidden-key':
      return t.forbiddenKey(value);
    case 'too-deep':
      return t.tooDeep(number(error.limit));
    case 'not-an-object':
      return t.notAnObject(error.found ?? 'object');
    case 'wrong-format':
      return t.wrongFormat(error.value);
    case 'future-version':
      return t.futureVersion(value);
    case 'unsupported-version':
      return t.unsupportedVersion(value, error.found);
    case 'missing-field':
      return t.missingField;
    case 'wrong-type':
    case 'invalid-value':
    case 'invalid-date':
    case 'invalid-id':
      return t.isNot(value, expected);
    case 'answer-out-of-range':
      return t.answerOutOfRange(value);
    case 'empty-text':
      return t.emptyText;
    case 'text-too-long':
      return t.textTooLong(number(error.actual), number(error.limit));
    case 'too-many':
      return t.tooMany(number(error.actual), number(error.limit));
    case 'no-statements':
      return t.noStatements;
    case 'no-organisations':
      return t.noOrganisations;
    case 'unknown-statement':
      return t.unknownStatement(value);
    case 'unknown-dimension':
      return t.unknownDimension(value);
    case 'unknown-organisation':
      return t.unknownOrganisation(value);
    case 'duplicate-scan-id':
      return t.duplicateScanId(value, error.firstPath ?? '?');
    case 'duplicate-response-id':
      return t.duplicateResponseId(value, error.firstPath ?? '?');
    case 'duplicate-id':
      return t.duplicateId(value, error.firstPath ?? '?');
    case 'no-partners':
      return t.noPartners;
    case 'not-an-option':
      return t.notAnOption(value);
    case 'missing-count':
      return t.missingCount(value);
    case 'vote-in-other-scan':
      return t.voteInOtherScan(value, error.firstPath ?? '?');
    case 'version-content-differs':
      return t.versionContentDiffers(value, error.firstPath ?? '?');
    case 'not-a-handoff':
      return t.notAHandoff;
    case 'handoff-malformed':
      return t.handoffMalformed;
    case 'handoff-unknown-scan':
      return t.handoffUnknownScan(value);
    case 'handoff-instrument-mismatch':
      return t.handoffInstrumentMismatch;
    default:
      return assertNever(error.code);
  }
}

/**
 * One sentence naming the file, the place and the problem:
 * EN "file 2, scans[0].responses[12].answers.q05: 7 is not on the 1–5 scale (…)"
 * NL "bestand 2, scans[0].responses[12].answers.q05: 7 ligt niet op de schaal 1–5 (…)"
 */
export function describeExchangeError(error: ExchangeError, lang: Language): string {
  const place = describeErrorPlace(error, lang);
  const problem = describeExchangeProblem(error, lang);
  return place ? `${place}: ${problem}` : capitalise(problem);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assertNever(value: never): never {
  throw new Error(`Unhandled exchange error code: ${String(value)}`);
}

function describeSource(existingFileIndex: number | null, t: ExchangeMessages): string {
  return existingFileIndex === null ? t.storedOnDevice : t.fileNumber(existingFileIndex + 1);
}

/** Why part of a file is not imported, with the file it came from. */
export function describeImportRefusal(refusal: ImportRefusal, lang: Language): string {
  const t = TABLES[lang];
  const place = `${t.fileNumber(refusal.fileIndex + 1)}, ${refusal.path}`;
  switch (refusal.reason) {
    case 'instrument-differs': {
      const where = describeSource(refusal.existingFileIndex, t);
      const label = (i: { id: string; version: number }) => `${i.id} v${i.version}`;
      return `${place}: ${t.instrumentDiffers(renderValue(refusal.scanTitle), label(refusal.existingInstrument), label(refusal.incomingInstrument), where, refusal.responseCount)}`;
    }
    case 'response-in-other-scan':
      return `${place}: ${t.responseInOtherScan(renderValue(refusal.responseId), describeSource(refusal.existingFileIndex, t))}`;
    case 'record-in-other-scan':
      return `${place}: ${t.recordInOtherScan(refusal.record, renderValue(refusal.recordId), describeSource(refusal.existingFileIndex, t))}`;
    case 'unknown-vote':
      return `${place}: ${t.unknownVote(renderValue(refusal.agreementId), renderValue(refusal.voteId))}`;
    default:
      return assertNever(refusal);
  }
}

/** What the import does differently from "add everything", for the preview. */
export function describeImportNote(note: ImportNote, lang: Language): string {
  const t = TABLES[lang];
  const file = t.fileNumber(note.fileIndex + 1);
  switch (note.kind) {
    case 'scan-details-differ':
      return `${file}: ${t.scanDetailsDiffer(joinList(note.fields.map((f) => t.scanDetailField[f]), t), describeSource(note.existingFileIndex, t))}`;
    case 'organisations-added':
      return `${file}: ${t.organisationsAdded(joinList(note.organisations.map((o) => renderValue(o.name)), t))}`;
    case 'organisation-name-differs':
      return `${file}: ${t.organisationNameDiffers(renderValue(note.keptName), renderValue(note.incomingName))}`;
    default:
      return assertNever(note);
  }
}

/** "answers and comments": the fields in which a conflicting response differs. */
export function describeResponseFields(fields: readonly ResponseField[], lang: Language): string {
  const t = TABLES[lang];
  return joinList(fields.map((f) => t.responseField[f]), t);
}

/** For the participant and the director: which text did not fit in the QR code. */
export function describeHandoffOmission(omitted: readonly HandoffTextField[], lang: Language): string | null {
  if (omitted.length === 0) return null;
  const t = TABLES[lang];
  return capitalise(t.handoffOmitted(joinList(omitted.map((f) => t.handoffField[f]), t)));
}

/** One row of a conflict's comparison: what differs, the value here, the value in the file. */
export interface ConflictDifference {
  label: string;
  existing: string;
  incoming: string;
}

export interface ConflictDescription {
  /** "Response of Politie, sent in 22-11-2026 11:03, in scan "Workshop Zuid"". */
  heading: string;
  /** The full response id: never cut off, so two conflicts can always be told apart. */
  responseId: string;
  /** Column headings: "on this device" (or "in file 1") and "in file 2". */
  existingSide: string;
  incomingSide: string;
  differences: ConflictDifference[];
}

function formatTime(iso: string | null, lang: Language): string {
  return iso ? formatDateTime(iso, lang) : '–';
}

function formatAnswer(answer: Answer | undefined, t: ExchangeMessages): string {
  if (answer === undefined) return t.noAnswer;
  return answer === 'dk' ? t.dontKnow : String(answer);
}

/**
 * A conflict as a director can judge it: whose response it is, in which scan, and each
 * difference side by side (old on this device, new in the file), by statement number.
 */
export function describeConflict(conflict: ImportConflict, scan: ImportScanInfo | undefined, lang: Language): ConflictDescription {
  const t = TABLES[lang];
  const { existing, incoming } = conflict;
  const organisationName = (id: string) => renderValue(scan?.organisationNames[id] ?? id);
  const numberOf = (itemId: string) => (scan ? scan.itemIds.indexOf(itemId) + 1 : 0);
  const statement = (itemId: string) => (numberOf(itemId) > 0 ? t.statement(numberOf(itemId)) : renderValue(itemId));
  const commentOn = (itemId: string) => (numberOf(itemId) > 0 ? t.commentOn(numberOf(itemId)) : `${t.responseField.comments} ${renderValue(itemId)}`);
  const text = (value: string | undefined) => (value ? renderValue(value) : t.noText);
  const itemOrder = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (numberOf(a) || Infinity) - (numberOf(b) || Infinity) || a.localeCompare(b));
  const differences: ConflictDifference[] = [];
  for (const field of conflict.differences) {
    switch (field) {
      case 'organisationId':
        differences.push({ label: capitalise(t.responseField.organisationId), existing: organisationName(existing.organisationId), incoming: organisationName(incoming.organisationId) });
        break;
      case 'level':
        differences.push({ label: capitalise(t.responseField.level), existing: t.level[existing.level ?? 'none'], incoming: t.level[incoming.level ?? 'none'] });
        break;
      case 'submittedAt':
        differences.push({ label: capitalise(t.responseField.submittedAt), existing: formatTime(existing.submittedAt, lang), incoming: formatTime(incoming.submittedAt, lang) });
        break;
      case 'answers':
        for (const itemId of itemOrder([...Object.keys(existing.answers), ...Object.keys(incoming.answers)])) {
          const before = existing.answers[itemId];
          const after = incoming.answers[itemId];
          if (before !== after) differences.push({ label: statement(itemId), existing: formatAnswer(before, t), incoming: formatAnswer(after, t) });
        }
        break;
      case 'comments':
        for (const itemId of itemOrder([...Object.keys(existing.comments), ...Object.keys(incoming.comments)])) {
          if (existing.comments[itemId] !== incoming.comments[itemId]) {
            differences.push({ label: commentOn(itemId), existing: text(existing.comments[itemId]), incoming: text(incoming.comments[itemId]) });
          }
        }
        break;
      case 'keywords':
        differences.push({
          label: capitalise(t.responseField.keywords),
          existing: existing.keywords.length > 0 ? existing.keywords.map((k) => renderValue(k)).join(', ') : t.noText,
          incoming: incoming.keywords.length > 0 ? incoming.keywords.map((k) => renderValue(k)).join(', ') : t.noText,
        });
        break;
      case 'improvement':
        differences.push({ label: capitalise(t.responseField.improvement), existing: text(existing.improvement), incoming: text(incoming.improvement) });
        break;
      case 'status':
        differences.push({ label: 'Status', existing: statusOf(existing, t), incoming: statusOf(incoming, t) });
        break;
      default:
        assertNever(field);
    }
  }
  return {
    heading: t.conflictWho(organisationName(existing.organisationId), formatTime(existing.submittedAt ?? incoming.submittedAt, lang), renderValue(scan?.title ?? conflict.scanId)),
    responseId: conflict.responseId,
    existingSide: capitalise(describeSource(conflict.existingFileIndex, t)),
    incomingSide: capitalise(t.inFile(conflict.fileIndex + 1)),
    differences,
  };
}

function statusOf(response: Response, t: ExchangeMessages): string {
  return response.status === 'submitted' ? t.submitted : t.notSubmitted;
}
