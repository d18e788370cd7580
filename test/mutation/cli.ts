// Stryker's entry for the cli tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/cli/check.test';
import '../unit/cli/explain.test';
import '../unit/cli/bundle.test';
import '../unit/cli/canaries.test';
import '../unit/cli/deep-nesting.test';
import '../unit/cli/discover.test';
import '../unit/cli/help.test';
import '../unit/cli/sources.test';
import '../unit/cli/sources-probe.test';
import '../unit/cli/test-command.test';
import '../unit/cli/test-sign-in.test';
import '../unit/cli/test-trust.test';
import '../unit/cli/timeout-bound.test';
