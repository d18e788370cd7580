// Stryker's entry for the providers tests: every test file of test/unit/core/providers, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/providers');
