import type { Finding } from '../../core/config/findings';

/** One checked file: the path as shown to the user (relative to the working directory, `/`-separated) and its findings. */
export interface CheckedFile {
	file: string;
	findings: Finding[];
}
