import { type RefObject, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from "react-router";
import "./Layout.css";

export const PRIMARY_NAV = [
  { to: "/questions", label: "Question bank" },
  { to: "/practice", label: "Practice" },
  { to: "/sessions", label: "Peer sessions" },
  { to: "/calibration", label: "Calibration" },
] as const;

/** Moves focus to the main landmark after client-side navigation, so keyboard and screen-reader users start at the new page. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    // Only on a change of page: not on first load, not when only the search params change.
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname, main]);
}

/**
 * The app's frame: header, main landmark, footer. With `pending`, the main
 * landmark stays empty: the frame a deep link shows while its page's code
 * loads (the router's HydrateFallback), so the header paints at once instead of
 * a blank screen. The main area holds a viewport's height either way, so the
 * page arriving moves nothing that was on screen.
 */
export function Layout({ pending = false }: { pending?: boolean }) {
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(mainRef);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label="Loopwright, home">
            <BrandMark />
            <span className="brand__name">Loopwright</span>
          </Link>
          <nav className="primary-nav" aria-label="Primary">
            <ul className="primary-nav__list">
              {PRIMARY_NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="primary-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>

      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {pending ? null : <Outlet />}
      </main>

      <footer className="site-footer">
        <div className="site-footer__inner">
          <div className="site-footer__about">
            <p className="site-footer__brand">Loopwright</p>
            <p>
              Practice for the director-of-engineering interview loop: org design, strategic leadership and
              the rounds around them.
            </p>
          </div>
          <nav aria-label="Footer">
            <ul className="site-footer__links">
              <li>
                <Link to="/">Home</Link>
              </li>
              {PRIMARY_NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
      {pending ? null : <ScrollRestoration />}
    </div>
  );
}

function BrandMark() {
  return (
    <svg
      className="brand__mark"
      viewBox="0 0 32 32"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path
        d="M9 8v16h14"
        fill="none"
        stroke="var(--color-paper)"
        strokeWidth="3.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="20" cy="13" r="4.2" fill="none" stroke="var(--color-paper)" strokeWidth="3" />
    </svg>
  );
}
