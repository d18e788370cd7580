// Stryker's entry for the walkthroughs tests: every test file of test/unit/core/walkthroughs, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/walkthroughs');
