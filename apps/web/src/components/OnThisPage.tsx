/**
 * The "On this page" list of links to a long page's sections. The question
 * page and the practice review style it differently, so the class names take a
 * prefix: "toc", "toc__list"… or "pr-toc", "pr-toc__list"…
 */
export function OnThisPage({
  sections,
  classPrefix = "",
}: {
  sections: readonly { id: string; title: string }[];
  classPrefix?: "" | "pr-";
}) {
  return (
    <nav className={`${classPrefix}toc`} aria-label="On this page">
      <p className={`${classPrefix}toc__title`} aria-hidden="true">
        On this page
      </p>
      <ol className={`${classPrefix}toc__list`}>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
