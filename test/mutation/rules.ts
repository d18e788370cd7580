// Stryker's entry for the rules tests: every test file of test/unit/core/rules, the best killers first (see load.ts).
import { loadArea } from './load';

loadArea('core/rules', ['rules', 'fixes', 'every-fix', 'fix-safety', 'duplicate-keys', 'loopback', 'dates']);
