import { tick } from 'svelte'

/**
 * Moves focus to a screen's heading when it appears, so keyboard and screen-reader users land
 * at the top of the new screen instead of on a control that no longer exists.
 */
export function focusOnMount(node: HTMLElement): void {
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1')
  node.focus()
}

/**
 * After a button moves the person to another section (and so disappears), focus goes to that
 * section's heading once it is on screen, rather than falling back to the top of the page.
 */
export async function focusWhenShown(id: string): Promise<void> {
  await tick()
  const el = document.getElementById(id)
  if (!el) return
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
  el.focus()
}
