import "./OnThisPage.css";

/** The "On this page" list of links to a long page's sections (the question page, the practice review). */
export function OnThisPage({ sections }: { sections: readonly { id: string; title: string }[] }) {
  return (
    <nav className="on-this-page" aria-label="On this page">
      <p className="on-this-page__title" aria-hidden="true">
        On this page
      </p>
      <ol className="on-this-page__list">
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
