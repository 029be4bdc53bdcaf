import { useEffect } from "react";

const PRODUCT = "Loopwright";

/** "<page> · Loopwright", or just the product name on the home page. */
export function documentTitle(page: string | undefined): string {
  return page ? `${page} · ${PRODUCT}` : PRODUCT;
}

/** Sets `document.title` to "<page> · Loopwright" (or just the product name on the home page). */
export function useDocumentTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
}
