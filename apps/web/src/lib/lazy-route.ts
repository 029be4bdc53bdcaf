import type { ComponentType } from "react";

/**
 * A react-router `lazy` loader for a page module: the page's code (and the CSS
 * it imports) is fetched when a route first matches, not with the home page.
 * `pick` names the export, so pages keep their named exports.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}
