/**
 * Completion for editors other than VS Code: properties, enum values and the account and file templates
 * (`defaultSnippets`) of our schema, computed by vscode-json-languageservice, the library VS Code's own JSON support
 * is built on. In VS Code the JSON extension already does this with the contributed schema, so the server offers
 * completion only where it also owns the schema (`validation: full`).
 */
import {
	type ClientCapabilities,
	type CompletionList,
	type LanguageService,
	type Position,
	getLanguageService,
} from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildSchema } from '../core/config/schema-source';
import type { Lang } from '../core/i18n';

/** The schema's id inside the language service; any file the server calls a mail config is matched to it. */
const schemaUri = (lang: Lang) => `mailcfg://schemas/mail-account.${lang}.json`;

export class SchemaCompletion {
	private readonly services = new Map<Lang, LanguageService>();

	/** `capabilities` are the client's: snippets and markdown documentation only where the client takes them. */
	constructor(private readonly capabilities: ClientCapabilities) {}

	private service(lang: Lang): LanguageService {
		let service = this.services.get(lang);
		if (!service) {
			service = getLanguageService({ clientCapabilities: this.capabilities });
			service.configure({
				validate: false,
				allowComments: true,
				schemas: [{ uri: schemaUri(lang), fileMatch: ['*'], schema: buildSchema(lang) }],
			});
			this.services.set(lang, service);
		}
		return service;
	}

	async complete(document: TextDocument, position: Position, lang: Lang): Promise<CompletionList | null> {
		const service = this.service(lang);
		return await service.doComplete(document, position, service.parseJSONDocument(document));
	}
}
