import table from './calibration.json';

/**
 * What `confidence` means. Each match is filed by the kind of evidence its rule rests on and by its place in the
 * answer; the confidence is the share of such matches that named the right cause on the held-out error-line table
 * (test/fixtures/error-lines/held-out.ts: real lines the rules were never tuned on), with Laplace smoothing:
 * (correct + 1) / (n + 2). Measuring on the tuning table instead would report the fit, not the accuracy on unseen
 * text. Cells with fewer than MIN_CELL samples borrow the pooled count of their placement, so a rare kind does not
 * claim certainty it never earned; probe-only explanations, which have no line to measure, stay at 0.5. `npm run calibrate:explain` recomputes calibration.json; a unit test fails when
 * it is stale.
 */
export type EvidenceKind = 'identifier' | 'code+text' | 'text' | 'code' | 'context';
/** `first`: best match, clear of the runner-up; `first-contested`: best by a small margin; `alternative`: lower. */
export type Placement = 'first' | 'first-contested' | 'alternative';

export interface CalibrationCell {
	n: number;
	correct: number;
}

/** Keyed `kind/placement`, plus `*\/placement` for the pooled counts. */
export type Calibration = Readonly<Record<string, CalibrationCell>>;

export interface CalibrationSample {
	kind: EvidenceKind;
	placement: Placement;
	correct: boolean;
}

const MIN_CELL = 5;

export const CALIBRATION: Calibration = table as Calibration;

export function measureCalibration(samples: readonly CalibrationSample[]): Calibration {
	const cells: Record<string, CalibrationCell> = {};
	const add = (key: string, correct: boolean): void => {
		const cell = (cells[key] ??= { n: 0, correct: 0 });
		cell.n++;
		if (correct) cell.correct++;
	};
	for (const { kind, placement, correct } of samples) {
		add(`${kind}/${placement}`, correct);
		add(`*/${placement}`, correct);
	}
	return Object.fromEntries(Object.entries(cells).sort(([a], [b]) => a.localeCompare(b)));
}

export function calibrated(kind: EvidenceKind, placement: Placement, calibration: Calibration = CALIBRATION): number {
	const own = calibration[`${kind}/${placement}`];
	// Probe-only explanations (no server text) are not in the line table: they keep the unmeasured 0.5.
	const pooled = kind === 'context' ? undefined : calibration[`*/${placement}`];
	const cell = own && own.n >= MIN_CELL ? own : pooled;
	const { n, correct } = cell ?? { n: 0, correct: 0 };
	return Math.round(((correct + 1) / (n + 2)) * 100) / 100;
}
