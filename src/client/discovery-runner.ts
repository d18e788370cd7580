/**
 * Entry of dist/discovery-runner.js: discovery with its XML parser and network clients, loaded by the extension only
 * when the user runs a discovery command, so activation does not pay for it.
 */
export { discover, InvalidAddressError } from '../core/discovery/discover';
export { nodeDnsClient, nodeHttpClient } from '../core/discovery/node-net';
export { enableText, renderDiscoveryText } from '../core/discovery/render';
export { DEFAULT_AUTHORITY_HOST, lookupTenant } from '../core/discovery/tenant';
export {
	accountIdsIn,
	fillServersEdits,
	findAccount,
	insertAccountEdits,
	setTenantEdits,
} from '../core/discovery/config-edits';
