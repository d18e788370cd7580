// Stryker's entry for the sources tests: every test file of test/unit/core/sources, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/sources', ['formats']);
