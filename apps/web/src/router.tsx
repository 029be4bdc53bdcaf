import { createBrowserRouter } from "react-router";
import { bankQueries } from "./api/bank-queries";
import { queryClient } from "./api/query-client";
import { Layout } from "./components/Layout";
import { calibrationRoutes } from "./features/calibration/routes";
import { practiceRoutes } from "./features/practice/routes";
import { sessionRoutes } from "./features/sessions/routes";
import { lazyPage } from "./lib/lazy-route";
import { HomePage } from "./pages/HomePage";
import { RouteErrorPage } from "./pages/RouteErrorPage";

/**
 * What shows while the first page's code loads on a deep link: the app's
 * frame with an empty main area, so something paints as soon as the entry has
 * run rather than only once the page's code and data have arrived.
 */
function FrameWhileFirstPageLoads() {
  return <Layout pending />;
}

/**
 * The home page is the one most people land on, so it ships in the entry chunk
 * and paints without a second round trip. Every other page is a lazy route:
 * its code, and the schema validators and libraries only it needs, arrive when
 * its route first matches.
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: FrameWhileFirstPageLoads,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "questions",
        lazy: lazyPage(
          () => import("./pages/QuestionBankPage"),
          (m) => m.QuestionBankPage,
        ),
      },
      {
        path: "questions/:id",
        // Runs alongside the lazy import: the question downloads with the page's code, not after it,
        // into the cache the page reads (taking over the route-preload script's request on a deep link).
        loader: ({ params }) => {
          if (params.id) void queryClient.prefetchQuery(bankQueries.question(params.id));
          return null;
        },
        lazy: lazyPage(
          () => import("./pages/QuestionPage"),
          (m) => m.QuestionPage,
        ),
      },
      ...practiceRoutes,
      ...sessionRoutes,
      ...calibrationRoutes,
      {
        path: "*",
        lazy: lazyPage(
          () => import("./pages/NotFoundPage"),
          (m) => m.NotFoundPage,
        ),
      },
    ],
  },
]);
