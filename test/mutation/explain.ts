// Stryker's entry for the explain tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/explain/match.test';
import '../unit/core/explain/catalog.test';
import '../unit/core/explain/normalize.test';
import '../unit/core/explain/render.test';
