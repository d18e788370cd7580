// Recomputes src/core/explain/calibration.json from the held-out error-line table: lines the rules were never tuned
// on, so `confidence` is the share of correct answers on unseen text, not on the lines the rules were fitted to.
// Run: npm run calibrate:explain
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrationSamples } from '../src/core/explain/calibration-samples';
import { measureCalibration } from '../src/core/explain/calibration';
import { HELD_OUT_LINES } from '../test/fixtures/error-lines/held-out';

const out = fileURLToPath(new URL('../src/core/explain/calibration.json', import.meta.url));
const table = measureCalibration(calibrationSamples(HELD_OUT_LINES));
writeFileSync(out, `${JSON.stringify(table, null, '\t')}\n`);
console.log(`wrote ${out}: ${Object.keys(table).length} cells from ${HELD_OUT_LINES.length} lines`);
