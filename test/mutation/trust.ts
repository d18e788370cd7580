// Stryker's entry for the trust tests: every test file of test/unit/core/trust, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/trust');
