import { createBrowserRouter } from "react-router";
import { Layout } from "./components/Layout";
import { calibrationRoutes } from "./features/calibration/routes";
import { practiceRoutes } from "./features/practice/routes";
import { sessionRoutes } from "./features/sessions/routes";
import { HomePage } from "./pages/HomePage";
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
      ...sessionRoutes,
      ...calibrationRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
