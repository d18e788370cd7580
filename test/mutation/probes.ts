// Stryker's entry for the probes tests: its tap runner starts one process per test file and mutant, so one file per
// area saves the start-up of each; the files that kill most mutants come first (forceBail stops at the first failure).
import '../unit/core/probes/error-codes.test';
import '../unit/core/probes/classify.test';
import '../unit/core/probes/redact.test';
import '../unit/core/probes/oauth2-claims.test';
import '../unit/core/probes/canary-watch.test';
import '../unit/core/probes/engine.test';
import '../unit/core/probes/fault-servers.test';
import '../unit/core/probes/imap.test';
import '../unit/core/probes/oauth2.test';
import '../unit/core/probes/oauth2-abort.test';
import '../unit/core/probes/oauth2-claims-report.test';
import '../unit/core/probes/oauth2-errors.test';
import '../unit/core/probes/oauth2-hostile.test';
import '../unit/core/probes/oauth2-plan.test';
import '../unit/core/probes/oauth2-smtp.test';
import '../unit/core/probes/recipient.test';
import '../unit/core/probes/smtp.test';
import '../unit/core/probes/trust-store.test';
