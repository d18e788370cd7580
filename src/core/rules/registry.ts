import { duplicateAccountId } from './accounts';
import { appPasswordPrerequisites, appPasswordRequired, sharedMailboxAuth } from './app-passwords';
import {
	exoImapBasicAuth,
	exoSmtpBasicAuthRetirement,
	googlePasswordAuth,
	outlookConsumerBasicAuth,
} from './auth-policies';
import { hostTypo, providerEndpointMismatch } from './endpoints';
import { deleteWithoutDelay, moveTargetMissing, readReceiptsAfterDelete } from './import';
import { oauth2AppOnlyScope, oauth2ScopeResource, oauth2TenantRequired } from './oauth2';
import { appPasswordFormat, oauth2MissingClientSecret, plaintextSecret } from './secrets';
import { senderNotAuthorized } from './sending';
import { tlsLegacyVersion, tlsVerificationDisabled } from './tls';
import { cleartextTransport, portSecurityMismatch, submissionPort25 } from './transport';
import type { Rule } from './types';

/** Every semantic rule, in the order their findings are reported. docs/rules.md has a section per id. */
export const RULES: readonly Rule[] = [
	portSecurityMismatch,
	providerEndpointMismatch,
	hostTypo,
	cleartextTransport,
	tlsVerificationDisabled,
	tlsLegacyVersion,
	submissionPort25,
	plaintextSecret,
	exoImapBasicAuth,
	exoSmtpBasicAuthRetirement,
	outlookConsumerBasicAuth,
	googlePasswordAuth,
	appPasswordRequired,
	appPasswordFormat,
	appPasswordPrerequisites,
	sharedMailboxAuth,
	oauth2TenantRequired,
	oauth2MissingClientSecret,
	oauth2AppOnlyScope,
	oauth2ScopeResource,
	deleteWithoutDelay,
	moveTargetMissing,
	readReceiptsAfterDelete,
	senderNotAuthorized,
	duplicateAccountId,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
	return RULES.find((r) => r.id === id);
}
