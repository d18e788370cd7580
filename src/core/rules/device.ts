import type { AccountContext } from './types';

/**
 * Words that name a device in account ids, display names and mailbox names (English and German, and the vendors whose
 * multifunction printers send scans by mail). A heuristic: the config format has no "this is a device" field, and a
 * wrong guess only changes which advice comes first.
 */
const DEVICE_WORDS = new Set([
	'printer',
	'scanner',
	'scan',
	'scans',
	'scan2mail',
	'scantomail',
	'mfp',
	'mfd',
	'copier',
	'fax',
	'device',
	'drucker',
	'kopierer',
	'geraet',
	'gerät',
	'multifunktionsgerät',
	'router',
	'nas',
	'ups',
	'usv',
	'camera',
	'kamera',
	'plotter',
	'ricoh',
	'canon',
	'xerox',
	'konica',
	'minolta',
	'kyocera',
	'brother',
	'lexmark',
	'epson',
	'sharp',
	'toshiba',
]);

function words(text: string): string[] {
	return text
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * An account that only sends and whose id, display name or mailbox name names a device: a printer, scanner or
 * appliance, which usually cannot switch to OAuth2 and needs another way to send.
 */
export function looksLikeDevice(account: AccountContext): boolean {
	if (!account.servers.some((s) => s.protocol === 'smtp') || account.servers.some((s) => s.protocol === 'imap'))
		return false;
	const mailbox = (account.str(['email']) ?? account.str(['auth', 'user']) ?? '').split('@')[0] ?? '';
	const names = [account.id ?? '', account.str(['displayName']) ?? '', mailbox];
	return names.some((name) => words(name).some((word) => DEVICE_WORDS.has(word)));
}
