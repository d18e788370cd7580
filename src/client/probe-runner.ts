/**
 * Entry of dist/probe-runner.js, the lazily loaded bundle with the probe libraries (imapflow, nodemailer,
 * msal-node). The extension loads it through probe-runner-loader.ts at the first test, so activation stays light.
 */
export { probeOAuth2, testAccounts } from '../core/probes/index';
