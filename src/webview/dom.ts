/**
 * The only way the webviews create markup: elements, attributes and textContent. No string is ever parsed as HTML, so
 * text can never become markup; a unit test greps the folder for it.
 */
type Child = Node | string | undefined | false;

interface Props {
	className?: string;
	text?: string;
	/** Plain attributes; event handler attributes are refused so handlers are always added with addEventListener. */
	attrs?: Record<string, string>;
	onClick?: () => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Props = {},
	children: Child[] = [],
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (props.className) node.className = props.className;
	if (props.text !== undefined) node.textContent = props.text;
	for (const [name, value] of Object.entries(props.attrs ?? {})) {
		if (name.toLowerCase().startsWith('on')) throw new Error(`refusing event attribute ${name}`);
		node.setAttribute(name, value);
	}
	if (props.onClick) node.addEventListener('click', props.onClick);
	for (const child of children) {
		if (child === undefined || child === false) continue;
		node.append(typeof child === 'string' ? document.createTextNode(child) : child);
	}
	return node;
}

/** Fills `{name}` placeholders of a UI label (the same rule as core's i18n.format). */
export function fill(template: string, args: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
