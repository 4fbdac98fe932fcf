// Writes tests/fixtures/exchange/v1-round-scan.json from ROUND_SCAN, and v1-room-records.json from
// SMALL_SCAN with its votes and agreements, with the app's own export code (buildExchangeFile +
// serialiseExchangeFile). Run after a deliberate change to the format;
// tests/unit/exchange/roundTrip.test.ts then checks that the code still writes exactly this file.
import { writeFileSync } from 'node:fs';
import { buildExchangeFile, serialiseExchangeFile } from '../src/domain/exchange';
import { SMALL_AGREEMENTS, SMALL_VOTES } from '../tests/fixtures/exchange/roomRecords';
import { EXPORTED_AT, GENERATOR, ROUND_RESPONSES, ROUND_SCAN, SMALL_RESPONSES, SMALL_SCAN } from '../tests/fixtures/exchange/smallScan';

const file = buildExchangeFile([{ scan: ROUND_SCAN, responses: ROUND_RESPONSES }], EXPORTED_AT, GENERATOR);
writeFileSync(new URL('../tests/fixtures/exchange/v1-round-scan.json', import.meta.url), serialiseExchangeFile(file));

const room = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES, votes: SMALL_VOTES, agreements: SMALL_AGREEMENTS }], EXPORTED_AT, GENERATOR);
writeFileSync(new URL('../tests/fixtures/exchange/v1-room-records.json', import.meta.url), serialiseExchangeFile(room));
