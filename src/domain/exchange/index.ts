// The public API of the exchange domain: files in and out, CSV, and the QR hand-off of one
// response. Pure: no DOM, no Dexie. See CONTEXT.md for the decisions behind it.

export * from './types';
export {
  EXCHANGE_ERROR_CODES,
  EXPECTED_KINDS,
  formatPath,
  renderValue,
  type ExchangeError,
  type ExchangeErrorCode,
  type ExpectedKind,
  type PathSegment,
} from './errors';
export {
  parseExchangeFile,
  validateExchangeData,
  type ExchangeRefusal,
  type ParseOptions,
  type ParseResult,
  type ParsedSource,
  type ValidationResult,
} from './parse';
export type { TextEncodingName } from './readText';
export {
  buildExchangeFile,
  buildSingleResponseFile,
  exchangeFileName,
  instrumentContent,
  questionnaireFileName,
  toExchangeInstrumentVersion,
  responseFileName,
  serialiseExchangeFile,
  serialiseExchangeFileParts,
  SERIALISE_CHUNK,
  toExchangeInstrument,
  toExchangeAgreement,
  toExchangeResponse,
  toExchangeScan,
  toExchangeVote,
  type ScanWithResponses,
} from './build';
export { isBuiltInVersion, recordFromSnapshot, SNAPSHOT_SAVED_AT, toInstrument, toStoredInstrumentVersion, versionsForExport } from './instrumentVersions';
export { isSubmitted, toStoredAgreement, toStoredResponse, toStoredScan, toStoredVote, type StoredScanOptions } from './convert';
export { anonymiseForSharing, type AnonymisationReport, type AnonymisedScan, type AnonymiseOptions, type RoomRecords } from './anonymise';
export { canonicalJson, isSameContent } from './canonical';
export {
  collectImportIds,
  compareResponses,
  finaliseImport,
  isNewerVote,
  planImport,
  type ConflictResolution,
  type ExistingData,
  type ImportConflict,
  type ImportCounts,
  type ImportDuplicate,
  type ImportNote,
  type ImportPlan,
  type ImportRefusal,
  type ImportScanInfo,
  type ImportWrites,
  type InstrumentLabel,
  type PlanImportOptions,
  type ResponseField,
  type ScanDetailField,
  type ScanUpdate,
} from './planImport';
export { buildCsvLong, buildCsvWide, csvFileName, guardCsvText, CSV_BOM, CSV_LONG_COLUMNS, type CsvOptions } from './csv';
export {
  decodeResponseHandoff,
  encodeResponseHandoff,
  instrumentFingerprint,
  readHandoffScanId,
  HANDOFF_GENERATOR,
  HANDOFF_MAX_BYTES,
  HANDOFF_PREFIX,
  type HandoffDecodeResult,
  type HandoffEncoding,
  type HandoffTextField,
} from './handoff';
export { addHandoffPart, isHandoffPart, splitHandoff, HANDOFF_PART_BYTES, HANDOFF_MAX_PARTS, type HandoffPartResult, type HandoffParts } from './handoffParts';
export {
  describeErrorPlace,
  describeExchangeError,
  describeExchangeProblem,
  describeHandoffOmission,
  describeImportNote,
  describeImportRefusal,
  describeResponseFields,
  describeConflict,
  type ConflictDescription,
  type ConflictDifference,
} from './messages';
