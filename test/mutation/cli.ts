// Stryker's entry for the cli tests: every test file of test/unit/cli, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('cli', ['check', 'explain']);
