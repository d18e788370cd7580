// Stryker's entry for the discovery tests: every test file of test/unit/core/discovery, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/discovery', ['discover-offline']);
