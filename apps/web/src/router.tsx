import { createBrowserRouter } from "react-router";
import { Layout } from "./components/Layout";
import { calibrationRoutes } from "./features/calibration/routes";
import { practiceRoutes } from "./features/practice/routes";
import { HomePage } from "./pages/HomePage";
import { SessionsPage } from "./pages/JourneyPages";
import { NotFoundPage } from "./pages/NotFoundPage";
import { QuestionBankPage } from "./pages/QuestionBankPage";
import { QuestionPage } from "./pages/QuestionPage";
import { RouteErrorPage } from "./pages/RouteErrorPage";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "questions", element: <QuestionBankPage /> },
      { path: "questions/:id", element: <QuestionPage /> },
      ...practiceRoutes,
      { path: "sessions", element: <SessionsPage /> },
      ...calibrationRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
