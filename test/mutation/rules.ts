// Stryker's entry for the rules tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/rules/rules.test';
import '../unit/core/rules/fixes.test';
import '../unit/core/rules/every-fix.test';
import '../unit/core/rules/fix-safety.test';
import '../unit/core/rules/duplicate-keys.test';
import '../unit/core/rules/loopback.test';
import '../unit/core/rules/dates.test';
import '../unit/core/rules/host-typo-ispdb.test';
