// Stryker's entry for the walkthroughs tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/walkthroughs/catalog.test';
import '../unit/core/walkthroughs/cli.test';
import '../unit/core/walkthroughs/native-walkthrough.test';
import '../unit/core/walkthroughs/references.test';
import '../unit/core/walkthroughs/render-text.test';
import '../unit/core/walkthroughs/templates.test';
import '../unit/core/walkthroughs/verify.test';
