// Stryker's entry for the probes tests: every test file of test/unit/core/probes, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/probes', ['error-codes', 'classify', 'redact', 'oauth2-claims']);
