// Writes tests/fixtures/exchange/v1-round-scan.json from ROUND_SCAN with the app's own export
// code (buildExchangeFile + serialiseExchangeFile). Run after a deliberate change to the format;
// tests/unit/exchange/roundTrip.test.ts then checks that the code still writes exactly this file.
import { writeFileSync } from 'node:fs';
import { buildExchangeFile, serialiseExchangeFile } from '../src/domain/exchange';
import { EXPORTED_AT, GENERATOR, ROUND_RESPONSES, ROUND_SCAN } from '../tests/fixtures/exchange/smallScan';

const file = buildExchangeFile([{ scan: ROUND_SCAN, responses: ROUND_RESPONSES }], EXPORTED_AT, GENERATOR);
writeFileSync(new URL('../tests/fixtures/exchange/v1-round-scan.json', import.meta.url), serialiseExchangeFile(file));
