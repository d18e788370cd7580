// Stryker's entry for the sources tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/sources/formats.test';
import '../unit/core/sources/backtracking.test';
import '../unit/core/sources/dotenv.test';
