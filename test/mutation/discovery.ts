// Stryker's entry for the discovery tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/discovery/discover-offline.test';
import '../unit/core/discovery/autoconfig-xml.test';
import '../unit/core/discovery/discover-network.test';
import '../unit/core/discovery/editor-support.test';
