import { useStructureText } from "../structure/text";

/** The public sources behind a body's facts, as links. */
export function SourceList({ sources }: { sources: readonly string[] }) {
  const { t } = useStructureText();
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t("body.sourcesHeading")}</h2>
      {sources.length === 0 ? (
        <p>{t("body.noSources")}</p>
      ) : (
        <ul className="source-list">
          {sources.map((source) => (
            <li key={source}>
              {/^https?:\/\//.test(source) ? (
                <a href={source} rel="noopener noreferrer">
                  {source}
                </a>
              ) : (
                source
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
