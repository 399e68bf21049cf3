// The console's elements: the page's own by id, new ones with their text. Typed, so the scripts'
// type check (web/tsconfig.json) knows a button from an input.

/**
 * An element the page always has (index.html): without it the page is broken, not empty.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found;
}

/**
 * One of the page's form fields.
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export function inputById(id) {
  const found = byId(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`#${id} in index.html is no input`);
  return found;
}

/**
 * A new element with its text (set as text, never as HTML) and class.
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {string} [text]
 * @param {string} [className]
 * @returns {HTMLElementTagNameMap[Tag]}
 */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Puts focus on the element `selector` finds, when there is one (a redrawn list may have lost it).
 * @param {string} selector
 */
export function focusOn(selector) {
  const found = document.querySelector(selector);
  if (found instanceof HTMLElement) found.focus();
}
