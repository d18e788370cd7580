// Stryker's entry for the core tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/secrets.test';
import '../unit/core/i18n.test';
