// Stryker's entry for the text tests: every test file of test/unit/core/text, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/text');
