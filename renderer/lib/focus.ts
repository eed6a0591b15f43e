/**
 * Moves focus to a screen's heading when it appears, so keyboard and screen-reader users land
 * at the top of the new screen instead of on a control that no longer exists.
 */
export function focusOnMount(node: HTMLElement): void {
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1')
  node.focus()
}
