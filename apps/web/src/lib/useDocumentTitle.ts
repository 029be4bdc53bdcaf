import { useEffect } from "react";

const PRODUCT = "Loopwright";

/** Sets `document.title` to "<page> · Loopwright" (or just the product name on the home page). */
export function useDocumentTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} · ${PRODUCT}` : PRODUCT;
  }, [page]);
}
