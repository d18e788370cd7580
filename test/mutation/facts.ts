// Stryker's entry for the facts tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/facts/dated-texts.test';
import '../unit/core/facts/facts.test';
import '../unit/core/facts/glossary.test';
import '../unit/core/facts/labels.test';
