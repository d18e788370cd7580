import type { AuthMethod, ProviderId } from '../config/model';
import type { StageName } from '../probes/result';
import type { CalibrationSample } from './calibration';
import { rankCauses } from './match';

/** A labelled line as the fixture tables hold them. */
export interface LabelledLine {
	id: string;
	line: string;
	context?: { provider?: ProviderId; auth?: AuthMethod; stage?: StageName };
}

/** One sample per offered cause: was the cause at this kind and placement the labelled one? */
export function calibrationSamples(lines: readonly LabelledLine[]): CalibrationSample[] {
	return lines.flatMap(({ id, line, context }) =>
		rankCauses(line, { lang: 'en', ...context }).map((cause) => ({
			kind: cause.kind,
			placement: cause.placement,
			correct: cause.id === id,
		})),
	);
}
