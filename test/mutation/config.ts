// Stryker's entry for the config tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/config/analyze.test';
import '../unit/core/config/parse.test';
import '../unit/core/config/docs-and-examples.test';
import '../unit/core/config/document-kind.test';
import '../unit/core/config/hostile-values.test';
import '../unit/core/config/incremental.test';
import '../unit/core/config/robustness.test';
import '../unit/core/config/schema-files.test';
import '../unit/core/config/schema-fixtures.test';
